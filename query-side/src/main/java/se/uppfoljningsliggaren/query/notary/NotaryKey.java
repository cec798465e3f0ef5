package se.uppfoljningsliggaren.query.notary;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.notary.Checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The notary's Ed25519 key: {@code ledger.notary.signing-key} (PKCS#8) and {@code ledger.notary.public-key}
 * (X.509 SubjectPublicKeyInfo), each a PEM or DER file (openssl genpkey -algorithm ed25519; openssl pkey -pubout).
 * Without them, a development key is generated once and kept in the database; with the prod (or production)
 * profile the service refuses to start instead, since a key beside the data it vouches for proves little.
 */
@Component
public class NotaryKey {

    private static final Logger log = LoggerFactory.getLogger(NotaryKey.class);

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    NotaryKey(JdbcTemplate jdbc, @Value("${ledger.notary.signing-key:}") String signingKey,
              @Value("${ledger.notary.public-key:}") String publicKey,
              Environment environment) throws IOException, GeneralSecurityException {
        byte[] privateBytes;
        if (!signingKey.isBlank()) {
            if (publicKey.isBlank()) {
                throw new IllegalStateException("ledger.notary.signing-key needs ledger.notary.public-key");
            }
            privateBytes = read(signingKey);
            this.publicKey = read(publicKey);
        } else if (!environment.acceptsProfiles(Profiles.of("prod", "production"))) {
            Map<String, Object> key = developmentKey(jdbc);
            privateBytes = (byte[]) key.get("private_key");
            this.publicKey = (byte[]) key.get("public_key");
            log.warn("The notary signs with a development key kept in the database (notary_development_key, created "
                    + "{}): configure ledger.notary.signing-key and ledger.notary.public-key for real use",
                    key.get("created_at"));
        } else {
            throw new IllegalStateException("ledger.notary.signing-key and ledger.notary.public-key are required "
                    + "with the prod profile");
        }
        this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateBytes));
        Checkpoint probe = new Checkpoint(0, new byte[32], "probe");
        if (!probe.verify(probe.sign(privateKey), this.publicKey)) {
            throw new IllegalStateException("ledger.notary.public-key is not the public key of the signing key");
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** X.509 SubjectPublicKeyInfo bytes. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** Made once: a second process starting at the same time keeps the first one's key. */
    private static Map<String, Object> developmentKey(JdbcTemplate jdbc) throws GeneralSecurityException {
        String select = "SELECT private_key, public_key, created_at FROM notary_development_key WHERE id = 1";
        List<Map<String, Object>> found = jdbc.queryForList(select);
        if (found.isEmpty()) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            jdbc.update("INSERT INTO notary_development_key (id, private_key, public_key) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING", pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
            log.warn("Generated the notary's development signing key");
            found = jdbc.queryForList(select);
        }
        return found.get(0);
    }

    /** PEM (one base64 block between -----BEGIN/END----- lines) or DER. */
    static byte[] read(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.startsWith("-----BEGIN")) {
            return bytes;
        }
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }
}
