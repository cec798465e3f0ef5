package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a careless or hostile client can send, generated from the OpenAPI document across every write endpoint:
 * each kind of field with each class of bad input, bodies that are not strict JSON, bad path ids and headers,
 * missing or wrong credentials and a role that may not write; and every read without credentials.
 * Every request must be refused with a 4xx problem+json naming what is wrong, store nothing, and leave the service
 * healthy with every projection caught up.
 */
class HostileInputIT extends LedgerIntegrationTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    /** One hostile request: what it is, and the field its refusal must name (null: any). */
    record Attack(String what, String method, String target, Map<String, String> headers, byte[] body,
                  String field) {
    }

    @Test
    void every_hostile_request_is_refused_as_a_problem_and_stores_nothing() throws Exception {
        givenPlan("HOS", 2026);
        JsonNode doc = get("/v3/api-docs");
        List<Attack> attacks = new ArrayList<>();
        OpenApi.operations(doc).forEach((route, operation) -> {
            if (operation.has("requestBody")) {
                attacks.addAll(attacksOn(doc, route, operation));
            } else {
                // Every read, too, is for the signed-in only
                String target = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "x1");
                attacks.add(new Attack(route + " without credentials", route.substring(0, route.indexOf(' ')),
                        target, Map.of(), null, "Authorization"));
            }
        });

        long storedBefore = eventCount();
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (Attack attack : attacks) {
            RawHttp.Response response = RawHttp.send(port, attack.method(), attack.target(), attack.headers(),
                    attack.body());
            String problem = check(attack, response);
            if (problem == null) {
                refused++;
            } else {
                failures.add(attack.what() + " → " + problem);
            }
        }
        long stored = eventCount() - storedBefore;
        System.out.println(attacks.size() + " hostile requests, " + refused + " refused, " + stored + " stored");

        failures.forEach(failure -> System.out.println("NOT REFUSED AS IT SHOULD BE: " + failure));
        assertThat(failures).as("requests not refused as they should be (listed above)").isEmpty();
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(200);
        assertThat(stored).isZero();
        assertThat(eventCount()).isEqualTo(storedBefore);
        // Healthy, with every projection caught up with the store (no lag, nothing parked)
        JsonNode health = awaitGet("/actuator/health", h -> h.path("status").asText().equals("UP")
                && h.at("/components/projections/details/processors").findValues("lagEvents").stream()
                .allMatch(lag -> lag.asLong() == 0));
        assertThat(health.at("/components/projections/details/processors").findValues("deadLetters"))
                .isNotEmpty().allMatch(parked -> parked.asLong() == 0);
    }

    private static String check(Attack attack, RawHttp.Response response) {
        if (response.status() < 400 || response.status() >= 500) {
            return "answered " + response.status() + " " + response.body();
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "answered " + response.status() + " as " + response.contentType();
        }
        if (response.body().matches("(?s).*(Exception|at [a-z]+\\.[a-z]+\\.|SQL|se\\.uppfoljningsliggaren).*")) {
            return "leaks internals: " + response.body();
        }
        if (attack.field() != null && !response.body().contains("\"field\":\"" + attack.field())) {
            return "does not name " + attack.field() + ": " + response.body();
        }
        return null;
    }

    private List<Attack> attacksOn(JsonNode doc, String route, JsonNode operation) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1);
        String target = target(doc, path, operation);
        JsonNode schema = OpenApi.resolve(doc, operation.at("/requestBody/content/application~1json/schema"));
        ObjectNode valid = (ObjectNode) example(doc, schema);
        List<Attack> attacks = new ArrayList<>();

        // Each field of the body, one level into nested objects, with every bad input of its kind.
        fields(doc, schema, "", (fieldPath, fieldSchema) -> {
            for (Map.Entry<String, JsonNode> bad : badValues(doc, fieldSchema).entrySet()) {
                ObjectNode body = valid.deepCopy();
                put(body, fieldPath, bad.getValue());
                attacks.add(new Attack(route + " " + fieldPath + ": " + bad.getKey(), method, target, writeHeaders(),
                        json(body), fieldPath));
            }
        });

        // Bodies that are not strict JSON.
        String body = valid.toString();
        String first = valid.fieldNames().hasNext() ? valid.fieldNames().next() : "x";
        Map<String, String> badBodies = new LinkedHashMap<>();
        badBodies.put("trailing content", body + " {}");
        badBodies.put("duplicate key", "{\"" + first + "\": " + valid.get(first) + ", " + body.substring(1));
        badBodies.put("unknown field", "{\"unknownField\": 1, " + body.substring(1));
        badBodies.put("not JSON", "{" + first + ": ");
        badBodies.put("an array, not an object", "[" + body + "]");
        badBodies.put("nested too deep", "[".repeat(200) + "]".repeat(200));
        badBodies.forEach((what, bad) -> attacks.add(new Attack(route + " " + what, method, target, writeHeaders(),
                bad.getBytes(StandardCharsets.UTF_8), null)));
        attacks.add(new Attack(route + " invalid UTF-8", method, target, writeHeaders(),
                (body.substring(0, body.length() - 1) + ", \"x\": \"").getBytes(StandardCharsets.UTF_8), null));
        byte[] invalidUtf8 = json(valid);
        invalidUtf8[invalidUtf8.length / 2] = (byte) 0xFF;
        attacks.add(new Attack(route + " invalid UTF-8 byte", method, target, writeHeaders(), invalidUtf8, null));
        Map<String, String> multipart = writeHeaders();
        multipart.put("Content-Type", "multipart/form-data; boundary=b");
        attacks.add(new Attack(route + " multipart", method, target, multipart,
                "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8),
                null));

        // Path ids and headers.
        if (path.contains("{")) {
            for (String badId : List.of("x%00y", "a%2Fb", "%C3%A5%20x", "x".repeat(200), "%ED%A0%80")) {
                attacks.add(new Attack(route + " path id " + badId, method, path.replaceAll("\\{[^}]+}", badId),
                        writeHeaders(), json(valid), null));
            }
        }
        Map<String, String> badHeaders = new LinkedHashMap<>();
        badHeaders.put("X-Reason", "a%00b");
        badHeaders.put("Idempotency-Key", "not a key");
        badHeaders.put("If-Match", "\"yesterday\"");
        badHeaders.put("X-Correlation-Id", "not an id");
        badHeaders.put("X-Source", "document=000; basis=MAYBE");
        badHeaders.forEach((name, value) -> {
            Map<String, String> headers = writeHeaders();
            headers.put(name, value);
            attacks.add(new Attack(route + " header " + name, method, target, headers, json(valid), name));
        });
        // a source that is no registered document
        Map<String, String> unregistered = writeHeaders();
        unregistered.put("X-Source", "document=no-such-document; basis=PRINTED");
        attacks.add(new Attack(route + " header X-Source naming no registered document", method, target,
                unregistered, json(valid), "X-Source"));
        // A control character in a header: Tomcat itself refuses the request, before it knows the header's role.
        Map<String, String> controlled = writeHeaders();
        controlled.put("X-Reason", "anna\u0001controller");
        attacks.add(new Attack(route + " control character in a header", method, target, controlled, json(valid),
                null));
        Map<String, String> anonymous = writeHeaders();
        anonymous.remove("Authorization");
        attacks.add(new Attack(route + " without credentials", method, target, anonymous, json(valid),
                "Authorization"));
        Map<String, String> revisor = writeHeaders();
        revisor.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("rita.revisor@regionorebrolan.se:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        attacks.add(new Attack(route + " by a revisor, who writes nothing", method, target, revisor, json(valid),
                null));
        Map<String, String> forged = writeHeaders();
        forged.put("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (PRINCIPAL + ":guess").getBytes(StandardCharsets.UTF_8)));
        attacks.add(new Attack(route + " with a wrong password", method, target, forged, json(valid),
                "Authorization"));
        return attacks;
    }

    /** The path with the test plan, an enum's first value (so the body is what is attacked), else "x1". */
    private static String target(JsonNode doc, String path, JsonNode operation) {
        String target = path.replace("{planId}", "HOS-2026");
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode schema = OpenApi.resolve(doc, parameter.path("schema"));
            if ("path".equals(parameter.path("in").asText()) && schema.has("enum")) {
                target = target.replace("{" + parameter.get("name").asText() + "}", schema.get("enum").get(0).asText());
            }
        }
        return target.replaceAll("\\{[^}]+}", "x1");
    }

    /** The bad inputs for a field of this schema, by class. */
    private static Map<String, JsonNode> badValues(JsonNode doc, JsonNode schema) {
        Map<String, JsonNode> bad = new LinkedHashMap<>();
        String type = type(schema);
        if (schema.has("enum")) {
            bad.put("enum as number", NODES.numberNode(0));
            bad.put("enum not by name", NODES.textNode(schema.get("enum").get(0).asText().toLowerCase()));
            return bad;
        }
        switch (type) {
            case "string" -> {
                if ("date".equals(schema.path("format").asText())) {
                    bad.put("year 0", NODES.textNode("0000-01-01"));
                    bad.put("year +99999", NODES.textNode("+99999-12-31"));
                    bad.put("no such day", NODES.textNode("2025-02-30"));
                } else {
                    bad.put("NUL", NODES.textNode("a\u0000b"));
                    bad.put("C1 control", NODES.textNode("a\u0085b"));
                    bad.put("lone surrogate", NODES.textNode("a\uD800b"));
                    bad.put("too long", NODES.textNode("x".repeat(20_001)));
                }
                bad.put("number for text", NODES.numberNode(12));
                bad.put("boolean for text", NODES.booleanNode(true));
            }
            case "integer" -> {
                bad.put("text for integer", NODES.textNode("2026"));
                bad.put("fraction for integer", NODES.numberNode(new java.math.BigDecimal("2026.5")));
                bad.put("beyond int", NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
            }
            case "number" -> {
                bad.put("1e10000", NODES.numberNode(new java.math.BigDecimal("1e10000")));
                bad.put("text for number", NODES.textNode("12,5"));
            }
            case "boolean" -> bad.put("text for boolean", NODES.textNode("true"));
            case "array" -> bad.put("text for list", NODES.textNode("many"));
            default -> {
                if (schema.has("oneOf")) {
                    bad.put("NUL in a value", NODES.textNode("82\u0000 %"));
                    bad.put("number for a value", NODES.numberNode(82));
                }
            }
        }
        return bad;
    }

    private interface FieldVisitor {
        void visit(String path, JsonNode schema);
    }

    /** Every field of an object schema, and the fields of the objects it holds (one level down). */
    private static void fields(JsonNode doc, JsonNode schema, String prefix, FieldVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode field = OpenApi.resolve(doc, property.getValue());
            String path = prefix + property.getKey();
            if (field.has("properties") && prefix.isEmpty()) {
                fields(doc, field, path + ".", visitor);
            } else {
                visitor.visit(path, field);
            }
        }
    }

    /** A body of the schema's shape with a plausible value in every field (whether the ledger accepts it or not). */
    private static JsonNode example(JsonNode doc, JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return NODES.textNode(schema.get("enum").get(0).asText());
        }
        if (schema.has("oneOf")) {
            return NODES.textNode("82 %");
        }
        return switch (type(schema)) {
            case "string" -> NODES.textNode("date".equals(schema.path("format").asText()) ? "2025-11-25" : "x1");
            case "integer" -> NODES.numberNode(2026);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("12.5"));
            case "boolean" -> NODES.booleanNode(false);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(property ->
                        object.set(property.getKey(), example(doc, OpenApi.resolve(doc, property.getValue()))));
                yield object;
            }
        };
    }

    private static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        return schema.has("types") ? schema.get("types").get(0).asText() : "object";
    }

    private static void put(ObjectNode body, String path, JsonNode value) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            body.set(path, value);
        } else {
            put((ObjectNode) body.get(path.substring(0, dot)), path.substring(dot + 1), value);
        }
    }

    private static Map<String, String> writeHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", AUTHORIZATION);
        return headers;
    }

    /** As a client writes it; a lone surrogate only exists as a JSON escape (no UTF-8 encodes it). */
    private static byte[] json(JsonNode body) {
        return body.toString().replace("\uD800", "\\ud800").getBytes(StandardCharsets.UTF_8);
    }
}
