package se.uppfoljningsliggaren.query.notary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.uppfoljningsliggaren.kernel.notary.Ed25519;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * The seal of an audit export bundle: an Ed25519 signature with the notary's key over the bundle's canonical form,
 * the seal left out. A bundle's events are proven against its checkpoint on their own ({@code Bundle#verify}); what
 * no checkpoint can prove (what was asked, the instant, the views as of it, the audit entries) is covered by the
 * seal, so that a byte changed anywhere in a saved bundle is found. The views are the ledger's own statement of what
 * it showed: the seal says they are what it exported, not that they follow from the events.
 *
 * <p>Canonical form: the JSON as parsed (every decimal exactly as written; a key given twice is refused), the keys of
 * every object sorted, no whitespace, decimals plain. Signed text, in UTF-8:
 * {@code "uppfoljningsliggaren bundle\n" + base64(SHA-256(canonical form)) + "\n"}.
 */
public final class BundleSeal {

    /** The bundle's field that holds the seal: {@code {"algorithm": "Ed25519", "signature": base64}}. */
    public static final String FIELD = "seal";
    private static final String ALGORITHM = "Ed25519";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private BundleSeal() {
    }

    /** A bundle's JSON as the seal reads it (and the verifier, after it). */
    public static JsonNode read(byte[] json) throws IOException {
        return JSON.readTree(json);
    }

    public static <T> T as(JsonNode bundle, Class<T> type) throws IOException {
        return JSON.treeToValue(bundle, type);
    }

    /** The bundle given as JSON, with its seal. */
    static ObjectNode sealed(byte[] unsealed, PrivateKey key) {
        try {
            ObjectNode bundle = (ObjectNode) read(unsealed);
            bundle.putObject(FIELD).put("algorithm", ALGORITHM)
                    .put("signature", Base64.getEncoder().encodeToString(Ed25519.sign(text(bundle), key)));
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the bundle carries a seal over all of the rest of it, made by the key given as X.509 bytes. */
    public static boolean holds(JsonNode bundle, byte[] publicKey) {
        JsonNode seal = bundle.path(FIELD);
        if (!bundle.isObject() || !ALGORITHM.equals(seal.path("algorithm").asText()) || seal.size() != 2
                || !seal.path("signature").isTextual()) {
            return false;
        }
        String written = seal.get("signature").asText();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(written);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // written as it encodes: base64 decoding ignores the unused bits of its last character
        return Base64.getEncoder().encodeToString(signature).equals(written)
                && Ed25519.verifies(text(bundle), signature, publicKey);
    }

    /** The text signed: over the bundle without its seal. */
    private static String text(JsonNode bundle) {
        ObjectNode unsealed = ((ObjectNode) bundle).deepCopy();
        unsealed.remove(FIELD);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(sorted(unsealed)));
            return "uppfoljningsliggaren bundle\n" + Base64.getEncoder().encodeToString(digest) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(object.get(name)));
            }
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
