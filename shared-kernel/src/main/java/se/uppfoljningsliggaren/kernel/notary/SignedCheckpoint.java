package se.uppfoljningsliggaren.kernel.notary;

import java.util.Base64;

/**
 * A checkpoint as exported (GET /api/notary/checkpoints/{treeSize}, and in a bundle): the signature is over
 * {@link Checkpoint#text()}; root hash, signature and key (X.509 SubjectPublicKeyInfo) are base64.
 */
public record SignedCheckpoint(long treeSize, String rootHash, String time, String signature, String publicKey,
                               String reason) {

    public Checkpoint checkpoint() {
        return new Checkpoint(treeSize, Base64.getDecoder().decode(rootHash), time);
    }

    /** Whether the signature is this checkpoint's, made by the key given as base64 X.509. */
    public boolean signedBy(String publicKeyBase64) {
        return checkpoint().verify(Base64.getDecoder().decode(signature), Base64.getDecoder().decode(publicKeyBase64));
    }
}
