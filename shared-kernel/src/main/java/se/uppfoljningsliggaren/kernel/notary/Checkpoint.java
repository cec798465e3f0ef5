package se.uppfoljningsliggaren.kernel.notary;

import java.security.PrivateKey;
import java.util.Base64;

/**
 * A checkpoint of the notary's tree: its size, root hash and time, signed with Ed25519 over the text form (in the
 * manner of a C2SP signed note): {@code "uppfoljningsliggaren\n<size>\n<base64 root>\n<time>\n"} in UTF-8, the
 * time as ISO-8601 UTC (e.g. 2026-05-04T09:30:00.123456Z; checkpoints signed before 2026-12-03 give whole seconds).
 */
public record Checkpoint(long treeSize, byte[] rootHash, String time) {

    public static final String ORIGIN = "uppfoljningsliggaren";

    public String text() {
        return ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + time + "\n";
    }

    public byte[] sign(PrivateKey key) {
        return Ed25519.sign(text(), key);
    }

    /** Whether the signature is this checkpoint's, made by the key given as X.509 (SubjectPublicKeyInfo) bytes. */
    public boolean verify(byte[] signatureBytes, byte[] publicKey) {
        return Ed25519.verifies(text(), signatureBytes, publicKey);
    }
}
