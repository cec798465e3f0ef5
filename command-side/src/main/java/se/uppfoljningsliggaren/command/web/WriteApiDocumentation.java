package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.core.converter.ModelConverters;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeForm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Documents, once for all write operations, the headers they take and what they answer, and the request bodies as the
 * write API reads them (see {@link ValueInputModule}). The problem responses are documented for every operation by the
 * deploy module.
 */
@Configuration(proxyBeanMethods = false)
class WriteApiDocumentation {

    private static final String SCHEMAS = "#/components/schemas/";

    /** The value types the write API reads as written, by the name of their schema (which views show structured). */
    private static final Map<String, String> WRITTEN_INPUTS = Map.of(
            "Period", "PeriodInput", "PeriodValue", "PeriodValueInput");

    /** A Varde is documented as oneOf its forms (Numeric, Rank, …), each a schema of its own. */
    private static final Set<String> VARDE_FORMS = Arrays.stream(Varde.class.getPermittedSubclasses())
            .map(Class::getSimpleName).collect(Collectors.toSet());

    @Bean
    OperationCustomizer writeOperations() {
        return (operation, handlerMethod) -> {
            Class<?> controller = handlerMethod.getBeanType();
            if (controller.getPackageName().equals(WriteApiDocumentation.class.getPackageName())
                    && controller.isAnnotationPresent(RestController.class)) {
                addHeaders(operation);
                operation.setResponses(success(handlerMethod.hasMethodAnnotation(CreatesResource.class)));
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer writtenValues() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            schemas.putAll(ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31)
                    .readAll(WriteResult.class));
            schemas.putAll(writtenInputs());
            new InputRewrite(schemas, shownInResponses(openApi), openApi.getSpecVersion()).requestBodies(openApi);
        };
    }

    private static void addHeaders(Operation operation) {
        operation.addParametersItem(header(WriteContext.REQUEST_ID_HEADER, false,
                "Your correlation id for this request, kept in the events' metadata (one is made when absent)."));
        operation.addParametersItem(header(WriteContext.IDEMPOTENCY_HEADER, false,
                "A retry with the same key returns the first result and appends nothing."));
        operation.addParametersItem(header("If-Match", false,
                "The version you saw, e.g. \"3\"; a stale one gets 409."));
        operation.addParametersItem(header(WriteContext.REASON_HEADER, false,
                "Why, in words; kept in the metadata of the events. Percent-encode UTF-8 beyond ASCII: "
                        + "Del%C3%A5rsrapport."));
        operation.addParametersItem(header(WriteContext.SOURCE_HEADER, false,
                "Where the content comes from, kept in the metadata of the events and shown in every view: "
                        + "document=<a registered source document>; section=…; page=…; "
                        + "basis=PRINTED|DERIVED|RECONSTRUCTED; rule=… (DERIVED: the rule it was computed by); "
                        + "words=… (RECONSTRUCTED: the words it was read from). Values percent-encoded UTF-8: "
                        + "document=000; section=M%C3%A5l%20och%20styrtal; page=12; basis=PRINTED."));
    }

    /** As {@link CommandDispatcher} answers: 201 with a Location when the write names where to read it, else 200. */
    private static ApiResponses success(boolean creates) {
        ApiResponse response = new ApiResponse()
                .description((creates ? "Recorded; Location tells where to read it. " : "Recorded. ")
                        + "The id written, the aggregate's version after the write (also the ETag) and the event "
                        + "store position of its last event. A retry with the same Idempotency-Key answers the same, "
                        + "with Idempotent-Replayed: true.")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(SCHEMAS + "WriteResult"))))
                .addHeaderObject("ETag", new Header().description("The aggregate's version after the write")
                        .schema(new StringSchema()));
        if (creates) {
            response.addHeaderObject("Location", new Header().description("Where the written resource can be read")
                    .schema(new StringSchema().format("uri-reference")));
        }
        return new ApiResponses().addApiResponse(creates ? "201" : "200", response);
    }

    private static HeaderParameter header(String name, boolean required, String description) {
        HeaderParameter parameter = new HeaderParameter();
        parameter.setName(name);
        parameter.setRequired(required);
        parameter.setDescription(description);
        parameter.setSchema(new StringSchema());
        return parameter;
    }

    private static Map<String, Schema> writtenInputs() {
        Schema<?> named = new ObjectSchema()
                .description("A value naming its form, for one without a figure (MISSING, PROSE, NOT_DECIDED); any "
                        + "other form must be how the written text reads")
                .addProperty("form", new StringSchema()._enum(Arrays.stream(VardeForm.values()).map(Enum::name)
                        .toList()))
                .addProperty("written", new StringSchema().description("As printed, kept verbatim"))
                .addProperty("kind", new StringSchema().description(
                        "MISSING: DATA_UNAVAILABLE, NOT_FOR_SCOPE, NOT_YET_PUBLISHED, OTHER (default); "
                                + "PROSE: QUALITATIVE, PEER_COMPARISON, REPORTING_DUTY, HORIZON, OTHER (default)"))
                .addProperty("reason", new StringSchema().description("Why it is missing (MISSING; default: written)"))
                .required(List.of("written"));
        named.setAdditionalProperties(false);
        Schema<?> varde = new Schema<>()
                .description("A value or target as written: \"82 %\", \"Plats 6 av 7\", \"77–80\", \"Riket + 1 %\", "
                        + "\"Öka\", \">0\"; the ledger reads its form and figure. A value without a figure is an object "
                        + "naming its form.")
                .oneOf(List.of(new StringSchema().example("82 %"), named))
                .example("Plats 6 av 7");
        Schema<?> period = new StringSchema()
                .description("A period as written: \"maj 2025\", \"tertial 2 2025\", \"per 31 juli 2024\", \"2024\", "
                        + "\"2023–2024\"")
                .example("maj 2025");
        Schema<?> periodValue = new ObjectSchema()
                .description("A value for a period; a period starting with \"prognos\" makes it a prognos")
                .addProperty("value", new Schema<>().$ref(SCHEMAS + "VardeInput"))
                .addProperty("period", new StringSchema().description("The period as written, e.g. \"maj 2025\"; "
                        + "\"prognos 2025\" for a prognos").example("prognos 2025"))
                .required(List.of("value", "period"));
        periodValue.setAdditionalProperties(false);
        return Map.of("VardeInput", varde, "PeriodInput", period, "PeriodValueInput", periodValue);
    }

    /** The names of the component schemas that some response shows, directly or nested. */
    private static Set<String> shownInResponses(OpenAPI openApi) {
        Set<String> shown = new HashSet<>();
        List<Schema> pending = new ArrayList<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation ->
                operation.getResponses().values().stream()
                        .filter(response -> response.getContent() != null)
                        .flatMap(response -> response.getContent().values().stream())
                        .forEach(media -> pending.add(media.getSchema()))));
        while (!pending.isEmpty()) {
            Schema<?> schema = pending.remove(pending.size() - 1);
            if (schema == null) {
                continue;
            }
            if (schema.get$ref() != null) {
                String name = name(schema);
                if (shown.add(name)) {
                    pending.add(openApi.getComponents().getSchemas().get(name));
                }
            } else {
                pending.addAll(children(schema).toList());
            }
        }
        return shown;
    }

    private static String name(Schema<?> ref) {
        return ref.get$ref().substring(SCHEMAS.length());
    }

    private static Stream<Schema> children(Schema<?> schema) {
        return Stream.of(
                        schema.getProperties() == null ? Stream.<Schema>empty() : schema.getProperties().values().stream(),
                        Stream.<Schema>of(schema.getItems()),
                        schema.getAdditionalProperties() instanceof Schema<?> values ? Stream.<Schema>of(values)
                                : Stream.<Schema>empty(),
                        schema.getAllOf() == null ? Stream.<Schema>empty() : schema.getAllOf().stream(),
                        schema.getOneOf() == null ? Stream.<Schema>empty() : schema.getOneOf().stream(),
                        schema.getAnyOf() == null ? Stream.<Schema>empty() : schema.getAnyOf().stream())
                .flatMap(s -> s)
                .filter(Objects::nonNull);
    }

    /**
     * Points request bodies at the written inputs. A schema that reaches a value type is rewritten in place when only
     * requests use it, and copied as "…Input" when a response shows it too, so views keep their structured schemas.
     */
    private static final class InputRewrite {

        private final Map<String, Schema> schemas;
        private final Set<String> shown;
        private final ObjectMapper json;
        private final Map<String, String> inputNames = new HashMap<>(WRITTEN_INPUTS);

        InputRewrite(Map<String, Schema> schemas, Set<String> shown, SpecVersion specVersion) {
            this.schemas = schemas;
            this.shown = shown;
            // Only the mapper of the document's version keeps a schema's type through a copy.
            this.json = specVersion == SpecVersion.V31 ? Json31.mapper() : Json.mapper();
        }

        void requestBodies(OpenAPI openApi) {
            openApi.getPaths().values().forEach(path -> path.readOperations().stream()
                    .filter(operation -> operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null)
                    .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
                    .forEach(media -> rewrite(media.getSchema())));
        }

        private void rewrite(Schema<?> schema) {
            if (schema == null) {
                return;
            }
            if (isVarde(schema)) {
                schema.setOneOf(null);
                schema.set$ref(SCHEMAS + "VardeInput");
            } else if (schema.get$ref() != null) {
                schema.set$ref(SCHEMAS + inputName(name(schema)));
            } else {
                children(schema).forEach(this::rewrite);
            }
        }

        private String inputName(String name) {
            String known = inputNames.get(name);
            if (known != null) {
                return known;
            }
            if (!reachesWrittenValue(name, new HashSet<>())) {
                inputNames.put(name, name);
                return name;
            }
            String inputName = shown.contains(name) ? name + "Input" : name;
            Schema<?> input = shown.contains(name) ? copy(schemas.get(name)) : schemas.get(name);
            inputNames.put(name, inputName);
            schemas.put(inputName, input);
            children(input).forEach(this::rewrite);
            return inputName;
        }

        private static boolean isVarde(Schema<?> schema) {
            return schema.getOneOf() != null && schema.getOneOf().stream()
                    .allMatch(form -> form.get$ref() != null && VARDE_FORMS.contains(name(form)));
        }

        private boolean reachesWrittenValue(String name, Set<String> seen) {
            if (WRITTEN_INPUTS.containsKey(name) || VARDE_FORMS.contains(name)) {
                return true;
            }
            if (!seen.add(name) || schemas.get(name) == null) {
                return false;
            }
            return refs(schemas.get(name)).anyMatch(ref -> reachesWrittenValue(ref, seen));
        }

        private static Stream<String> refs(Schema<?> schema) {
            return schema.get$ref() != null ? Stream.of(name(schema))
                    : children(schema).flatMap(InputRewrite::refs);
        }

        private Schema<?> copy(Schema<?> schema) {
            return json.convertValue(schema, Schema.class);
        }
    }
}
