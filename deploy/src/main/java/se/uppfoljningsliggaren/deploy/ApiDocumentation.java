package se.uppfoljningsliggaren.deploy;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * What the OpenAPI document (/v3/api-docs) says for the whole API: the ledger itself, the problem responses of every
 * operation, and that a record component of a primitive type is always present. The write API adds what only writes
 * have (headers, success answers, values as written) in the command side.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI ledgerApi(@Value("${ledger.api-version}") String version) {
        return new OpenAPI()
                .components(new io.swagger.v3.oas.models.Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("The local mode's demo users")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .info(new Info()
                .title("Uppföljningsliggaren API")
                .version(version)
                .description("""
                        An event-sourced ledger of Swedish regions' verksamhetsplaner med budget and their follow-up: \
                        goals, styrtal and uppdrag, utfall and prognos, follow-up occasions, internal control and \
                        ISK-bedömningar. Nothing recorded is changed or deleted; a change is a new event, after \
                        fastställande citing the beslut behind it, and plans, follow-ups and IK-plans can be read as they \
                        stood (asOf).

                        Every request signs in: a bearer token (JWT) from the region's identity provider, or HTTP \
                        Basic with a demo user in the local mode (README); without valid credentials 401, outside \
                        one's role or nämnd 403. Writes take Idempotency-Key (a retry with the same key \
                        answers the first result and appends nothing), If-Match (the version you saw; a stale one \
                        gets 409), X-Reason (why, percent-encoded UTF-8) and X-Source (where the content comes \
                        from: a registered source document, section, page, and whether printed, derived by a named \
                        rule or reconstructed from given words; GET /api/provenance?basis=NOT_PRINTED lists what no \
                        source prints). Values and periods are written as \
                        printed: "82 %", "Plats 6 av 7", "maj 2025", "prognos 2025".

                        Views are built asynchronously from the events: a write answers its version and store \
                        position, and a read of a plan, follow-up or IK-plan may ask minVersion (it waits at most \
                        2 s, else 409); every read answers X-Ledger-Position, the store position it reflects. \
                        Input follows one policy: strict JSON, text as valid Unicode (NFC) without control \
                        characters, ids [A-Za-z0-9][A-Za-z0-9._:-]{0,79}, dates and years within 1900–2200. Every refused request answers application/problem+json naming the field and the reason; \
                        nothing is stored then."""));
    }

    /**
     * Each operation's problem responses follow from what it takes, so a new endpoint gets them without a word: a body
     * may be unreadable (400, 415) or break a rule (422), credentials may be missing (401) or not enough (403), If-Match may be stale or an
     * Idempotency-Key reused (409), a path may name nothing recorded (404), a parameter may not parse (400).
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problem());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocumentation::addProblems));
        };
    }

    /**
     * Record components of a primitive type are never absent. Others are marked required where they are refused
     * when missing (requests) with {@code @Schema(requiredMode = REQUIRED)}.
     */
    @Bean
    ModelConverter primitiveRecordComponentsRequired() {
        return (type, context, chain) -> {
            Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
            Schema<?> model = schema == null || schema.get$ref() == null ? schema
                    : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (raw.isRecord() && model != null && model.getProperties() != null) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    String name = component.getName();
                    if (component.getType().isPrimitive() && model.getProperties().containsKey(name)
                            && (model.getRequired() == null || !model.getRequired().contains(name))) {
                        model.addRequiredItem(name);
                    }
                }
            }
            return schema;
        };
    }

    private static void addProblems(Operation operation) {
        if (operation.getRequestBody() != null) {
            addProblem(operation, "400", "The body cannot be read: not JSON, an unknown field, a value of the wrong "
                    + "type");
            addProblem(operation, "415", "The body is not application/json");
            addProblem(operation, "422", "Breaks a rule of the ledger or names something not recorded (field, reason)");
        } else {
            addProblem(operation, "400", "A path id, query parameter or header breaks the input policy (pattern, "
                    + "range, control characters), a parameter is unknown, missing or cannot be read");
        }
        addProblem(operation, "401", "No valid credentials (missing, expired, or from another issuer)");
        addProblem(operation, "403", "Outside the caller's role or nämnd scope; nothing was stored");
        if (takesHeader(operation, "If-Match") || takesHeader(operation, "Idempotency-Key")) {
            addProblem(operation, "409", "Conflicts with what is recorded: it exists already, If-Match is stale "
                    + "(currentVersion tells the version now), or the Idempotency-Key was used for another request");
        }
        if (parameters(operation).stream().anyMatch(parameter -> "minVersion".equals(parameter.getName()))) {
            addProblem(operation, "409", "minVersion was never written, or the view has not reached it within 2 s "
                    + "(currentVersion tells the version it shows; retry)");
        }
        if (parameters(operation).stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            addProblem(operation, "404", "Nothing is recorded under the path (or, with asOf, not yet then)");
        }
    }

    private static boolean takesHeader(Operation operation, String name) {
        return parameters(operation).stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn()) && name.equalsIgnoreCase(parameter.getName()));
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    private static void addProblem(Operation operation, String status, String description) {
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
    }

    /** RFC 9457 problem details as the ledger answers them, with the field at fault and the reason. */
    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("Why a request was refused; nothing was stored")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Unprocessable Entity"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("title is required"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/plans"))
                .addProperty("field", new StringSchema()
                        .description("The request field or header at fault, when there is one").example("title"))
                .addProperty("reason", new StringSchema().description("The reason, in words").example("title is required"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("On a stale If-Match: the version now"))
                .required(List.of("title", "status"));
    }
}
