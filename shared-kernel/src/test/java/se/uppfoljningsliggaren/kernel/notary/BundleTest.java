package se.uppfoljningsliggaren.kernel.notary;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundle of events from a small tree verifies, through its JSON form too; one byte changed in a payload, a proof
 * hash, the root or the signature does not, and a changed event is named.
 */
class BundleTest {

    private static final int SIZE = 7;
    private final KeyPair key = ed25519();
    private final List<StoredEvent> store = LongStream.rangeClosed(1, SIZE).mapToObj(BundleTest::event).toList();
    private final MerkleTree.Subtrees tree = MerkleTree.inMemory(store.stream().map(StoredEvent::leafHash).toList());
    private final SignedCheckpoint checkpoint = sign(new Checkpoint(SIZE, MerkleTree.root(tree, SIZE),
            "2026-05-04T09:30:00Z"));

    @Test
    void a_bundle_verifies_against_its_own_key_and_the_pinned_one() throws Exception {
        Bundle bundle = bundle(checkpoint, 2, 5, 7);
        assertThat(bundle.verify(null)).isEqualTo(new Bundle.Verification("the bundle's own key", true, null));
        assertThat(bundle.verify(publicKey()).ok()).isTrue();
        assertThat(bundle.verify(publicKey()).signedBy()).isEqualTo("the pinned key");

        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(bundle);
        assertThat(text).contains("\"payload\":\"" + Base64.getEncoder().encodeToString(store.get(1).payload()));
        assertThat(json.readValue(text.replace("{\"checkpoint\"", "{\"auditEntries\":[],\"checkpoint\""),
                Bundle.class).verify(publicKey()).ok()).isTrue();
    }

    @Test
    void one_byte_changed_in_a_payload_names_the_event() {
        Bundle bundle = bundle(checkpoint, 2, 5, 7);
        List<Bundle.Event> events = new ArrayList<>(bundle.events());
        StoredEvent e = events.get(1).event();
        byte[] payload = e.payload().clone();
        payload[3] ^= 1;
        events.set(1, new Bundle.Event(new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(), payload,
                e.metaData()), events.get(1).inclusionProof()));

        Bundle.Verification verification = new Bundle(checkpoint, events).verify(publicKey());
        assertThat(verification.ok()).isFalse();
        assertThat(verification.signatureHolds()).isTrue();
        assertThat(verification.firstFailure().globalIndex()).isEqualTo(5);
        assertThat(verification.firstFailure().aggregateIdentifier()).isEqualTo("PLAN-5");
        assertThat(verification.firstFailure().sequenceNumber()).isEqualTo(4);
    }

    @Test
    void one_byte_changed_in_a_proof_hash_names_the_event() {
        Bundle bundle = bundle(checkpoint, 2, 5, 7);
        List<Bundle.Event> events = new ArrayList<>(bundle.events());
        List<byte[]> proof = new ArrayList<>(events.get(2).inclusionProof());
        byte[] sibling = proof.get(0).clone();
        sibling[0] ^= 1;
        proof.set(0, sibling);
        events.set(2, new Bundle.Event(events.get(2).event(), proof));

        Bundle.Verification verification = new Bundle(checkpoint, events).verify(null);
        assertThat(verification.signatureHolds()).isTrue();
        assertThat(verification.firstFailure().globalIndex()).isEqualTo(7);
    }

    @Test
    void one_byte_changed_in_the_root_or_the_signature_breaks_the_signature() {
        byte[] root = checkpoint.checkpoint().rootHash();
        root[0] ^= 1;
        SignedCheckpoint otherRoot = new SignedCheckpoint(SIZE, Base64.getEncoder().encodeToString(root),
                checkpoint.time(), checkpoint.signature(), checkpoint.publicKey(), checkpoint.reason());
        byte[] signature = Base64.getDecoder().decode(checkpoint.signature());
        signature[10] ^= 1;
        SignedCheckpoint otherSignature = new SignedCheckpoint(SIZE, checkpoint.rootHash(), checkpoint.time(),
                Base64.getEncoder().encodeToString(signature), checkpoint.publicKey(), checkpoint.reason());

        for (SignedCheckpoint changed : List.of(otherRoot, otherSignature)) {
            Bundle.Verification verification = bundle(changed, 2, 5).verify(null);
            assertThat(verification.ok()).isFalse();
            assertThat(verification.signatureHolds()).isFalse();
            assertThat(verification.firstFailure()).isNull();
        }
    }

    @Test
    void a_checkpoint_signed_by_another_key_than_the_pinned_one_fails() {
        KeyPair other = ed25519();
        SignedCheckpoint forged = new SignedCheckpoint(SIZE, checkpoint.rootHash(), checkpoint.time(),
                Base64.getEncoder().encodeToString(checkpoint.checkpoint().sign(other.getPrivate())),
                Base64.getEncoder().encodeToString(other.getPublic().getEncoded()), checkpoint.reason());
        assertThat(bundle(forged, 2).verify(null).ok()).as("its own key vouches for it").isTrue();
        assertThat(bundle(forged, 2).verify(publicKey()).signatureHolds()).isFalse();
    }

    @Test
    void an_event_beyond_the_tree_is_not_in_it() {
        StoredEvent later = event(SIZE + 1);
        Bundle bundle = new Bundle(checkpoint, List.of(new Bundle.Event(later,
                MerkleTree.inclusionProof(tree, 0, SIZE))));
        assertThat(bundle.verify(null).firstFailure().globalIndex()).isEqualTo(SIZE + 1);
    }

    private Bundle bundle(SignedCheckpoint signed, long... globalIndexes) {
        return new Bundle(signed, LongStream.of(globalIndexes).mapToObj(index -> new Bundle.Event(
                store.get((int) index - 1), MerkleTree.inclusionProof(tree, index - 1, SIZE))).toList());
    }

    private SignedCheckpoint sign(Checkpoint c) {
        return new SignedCheckpoint(c.treeSize(), Base64.getEncoder().encodeToString(c.rootHash()), c.time(),
                Base64.getEncoder().encodeToString(c.sign(key.getPrivate())), publicKey(), "ON_DEMAND");
    }

    private String publicKey() {
        return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
    }

    private static StoredEvent event(long globalIndex) {
        return new StoredEvent(globalIndex, "event-" + globalIndex, "PLAN-" + globalIndex, globalIndex - 1,
                "Plan", "2026-05-04T09:00:0" + globalIndex + "Z", "se.example.Happened", null,
                ("{\"n\":" + globalIndex + "}").getBytes(StandardCharsets.UTF_8), null);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
