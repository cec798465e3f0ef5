package se.uppfoljningsliggaren.kernel.notary;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Optional;

/**
 * An audit export bundle as the offline verifier reads it: a signed checkpoint and stored events, each with its
 * inclusion proof (RFC 9162 §2.1.3.1, nearest sibling first) against that checkpoint. The service's bundle carries
 * more (what it was asked for, the audit entries), for reading only: nothing else is signed, so it is ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Bundle(SignedCheckpoint checkpoint, List<Event> events) {

    /** One stored event, every column as stored (payload and metadata bytes base64 in JSON), and its audit path. */
    public record Event(StoredEvent event, List<byte[]> inclusionProof) {
    }

    /**
     * signedBy: "the pinned key" or "the bundle's own key"; signatureHolds: by that key. firstFailure: the first
     * event whose leaf, recomputed from its stored bytes, is not in the signed tree (null when all are, or when the
     * signature does not hold, since then no root is vouched for).
     */
    public record Verification(String signedBy, boolean signatureHolds, Failure firstFailure) {

        public boolean ok() {
            return signatureHolds && firstFailure == null;
        }
    }

    public record Failure(long globalIndex, String aggregateIdentifier, long sequenceNumber, String problem) {
    }

    /** Verifies against the pinned key (base64 X.509) when given, else against the bundle's own key. */
    public Verification verify(String pinnedKey) {
        String signedBy = pinnedKey != null ? "the pinned key" : "the bundle's own key";
        if (!checkpoint.signedBy(pinnedKey != null ? pinnedKey : checkpoint.publicKey())) {
            return new Verification(signedBy, false, null);
        }
        byte[] root = checkpoint.checkpoint().rootHash();
        Optional<Failure> failure = events.stream()
                .filter(e -> !MerkleTree.verifyInclusion(e.event().globalIndex() - 1, checkpoint.treeSize(),
                        e.event().leafHash(), e.inclusionProof(), root))
                .findFirst()
                .map(e -> new Failure(e.event().globalIndex(), e.event().aggregateIdentifier(),
                        e.event().sequenceNumber(), "its leaf, recomputed from the stored bytes, is not in the "
                        + "signed tree of " + checkpoint.treeSize() + " (content changed, or a wrong proof)"));
        return new Verification(signedBy, true, failure.orElse(null));
    }
}
