package se.uppfoljningsliggaren.query.notary;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleSealTest {

    private static final String BUNDLE = """
            {"entityKey":"styrtal:RS-2026:m1-s1","views":[{"view":"plan","body":{"belopp":1.50,"text":"Måltal"}}],
             "events":[1,2]}""";

    private final KeyPair key = generate();
    private final KeyPair other = generate();

    @Test
    void a_sealed_bundle_holds_by_its_key_only() throws Exception {
        JsonNode sealed = BundleSeal.sealed(bytes(BUNDLE), key.getPrivate());
        assertThat(BundleSeal.holds(sealed, key.getPublic().getEncoded())).isTrue();
        assertThat(BundleSeal.holds(sealed, other.getPublic().getEncoded())).isFalse();
        assertThat(BundleSeal.holds(BundleSeal.read(bytes(BUNDLE)), key.getPublic().getEncoded()))
                .as("no seal").isFalse();
    }

    @Test
    void the_seal_covers_order_free_content_exactly_as_written() throws Exception {
        String sealed = BundleSeal.sealed(bytes(BUNDLE), key.getPrivate()).toString();
        byte[] publicKey = key.getPublic().getEncoded();
        // the same content, keys in another order and with whitespace: still the bundle that was sealed
        String reordered = sealed.replace("{\"entityKey\":\"styrtal:RS-2026:m1-s1\",", "{ ")
                .replaceFirst("}$", ", \"entityKey\": \"styrtal:RS-2026:m1-s1\"}");
        assertThat(reordered).isNotEqualTo(sealed).startsWith("{ \"views\"");
        assertThat(BundleSeal.holds(BundleSeal.read(bytes(reordered)), publicKey)).isTrue();
        for (String changed : new String[]{sealed.replace("1.50", "1.5"), sealed.replace("Måltal", "Måltal "),
                sealed.replace("\"views\"", "\"viewz\""), sealed.replace("[1,2]", "[2,1]")}) {
            assertThat(changed).isNotEqualTo(sealed);
            assertThat(BundleSeal.holds(BundleSeal.read(bytes(changed)), publicKey)).as(changed).isFalse();
        }
        assertThatThrownBy(() -> BundleSeal.read(bytes(sealed.replaceFirst("}$", ",\"events\":[]}"))))
                .as("a key given twice").hasMessageContaining("Duplicate field");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
