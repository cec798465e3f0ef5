package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the service's own OpenAPI document in tests: its operations, and schemas behind their references. */
final class OpenApi {

    private OpenApi() {
    }

    /** Every operation, keyed "METHOD /path". */
    static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation ->
                    operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue()));
        }
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** The schema itself, or the component schema it refers to. */
    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        assertThat(schema.isMissingNode()).as("schema present").isFalse();
        return schema.has("$ref")
                ? doc.at("/components/schemas/" + schema.get("$ref").asText().substring("#/components/schemas/".length()))
                : schema;
    }
}
