package se.uppfoljningsliggaren.kernel.notary;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A checkpoint of the notary's tree: its size, root hash and time, signed with Ed25519 over the text form (in the
 * manner of a C2SP signed note): {@code "uppfoljningsliggaren\n<size>\n<base64 root>\n<time>\n"} in UTF-8, the
 * time as ISO-8601 UTC (e.g. 2026-05-04T09:30:00Z).
 */
public record Checkpoint(long treeSize, byte[] rootHash, String time) {

    public static final String ORIGIN = "uppfoljningsliggaren";

    public String text() {
        return ORIGIN + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + time + "\n";
    }

    public byte[] sign(PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(text().getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }

    /** Whether the signature is this checkpoint's, made by the key given as X.509 (SubjectPublicKeyInfo) bytes. */
    public boolean verify(byte[] signatureBytes, byte[] publicKey) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey(publicKey));
            signature.update(text().getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public static PublicKey publicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }
}
