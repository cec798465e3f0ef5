package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The API is documented (OpenAPI, Swagger UI) and the service exposes its metrics for Prometheus. */
class ApiDocumentationIT extends LedgerIntegrationTest {

    /** The writes that answer 201 with a Location (they pass a location to CommandDispatcher); the rest answer 200. */
    private static final Set<String> CREATING = Set.of(
            "POST /api/namnder", "POST /api/indikatorer", "POST /api/rf-uppdrag",
            "POST /api/plans", "POST /api/plans/{planId}/goals", "POST /api/plans/{planId}/styrtal",
            "POST /api/plans/{planId}/rf-uppdrag", "POST /api/plans/{planId}/uppdrag",
            "POST /api/plans/{planId}/aktiviteter", "POST /api/plans/{planId}/budget-tables",
            "POST /api/plans/{planId}/budget-lines", "POST /api/plans/{planId}/continuity/dropped",
            "POST /api/utfall", "POST /api/utfall/corrections", "POST /api/followups", "POST /api/ik-plans",
            "POST /api/sources", "POST /api/ik-plans/{ikPlanId}/risks", "POST /api/ik-plans/{ikPlanId}/atgarder",
            "POST /api/isk-bedomningar");

    @Test
    void the_openapi_document_describes_the_write_api_with_its_headers() {
        String openApi = http.getForObject("/v3/api-docs", String.class);
        assertThat(openApi).contains("/api/plans/{planId}/styrtal", "/api/plans/{planId}/adoption",
                "/api/indikatorer/{indikatorId}", "Idempotency-Key", "If-Match", "X-Source", "bearer", "basic");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void the_openapi_document_names_the_ledger() {
        JsonNode info = get("/v3/api-docs").get("info");
        assertThat(info.get("title").asText()).isEqualTo("Uppföljningsliggaren API");
        assertThat(info.get("version").asText()).isNotEqualTo("v0").doesNotContain("@");
        assertThat(info.get("description").asText()).contains("bearer token", "Idempotency-Key", "If-Match",
                "X-Reason", "application/problem+json");
    }

    @Test
    void every_write_documents_its_answer_and_its_problems() {
        JsonNode doc = get("/v3/api-docs");
        List<String> writes = new ArrayList<>();
        OpenApi.operations(doc).forEach((route, operation) -> {
            if (!operation.has("requestBody")) {
                return;
            }
            writes.add(route);
            JsonNode responses = operation.get("responses");
            String success = CREATING.contains(route) ? "201" : "200";
            assertThat(responses.has(success)).as(route + " answers " + success).isTrue();
            assertThat(responses.has(success.equals("201") ? "200" : "201")).as(route).isFalse();
            assertThat(responses.at("/" + success + "/content/application~1json/schema/$ref").asText())
                    .as(route).isEqualTo("#/components/schemas/WriteResult");
            assertThat(responses.at("/" + success + "/headers").has("Location")).as(route + " Location")
                    .isEqualTo(success.equals("201"));
            for (String status : List.of("400", "401", "409", "415", "422")) {
                assertProblem(route, responses, status);
            }
            if (route.contains("{")) {
                assertProblem(route, responses, "404");
            }
        });
        assertThat(writes).containsAll(CREATING).hasSizeGreaterThan(CREATING.size());
        assertThat(doc.at("/components/schemas/WriteResult/properties").has("position")).isTrue();
    }

    @Test
    void every_read_documents_its_problems_beside_its_view() {
        OpenApi.operations(get("/v3/api-docs")).forEach((route, operation) -> {
            if (!route.startsWith("GET ")) {
                return;
            }
            JsonNode responses = operation.get("responses");
            assertThat(responses.at("/200/content").toString()).as(route + " shows its view").contains("$ref");
            assertThat(responses.has("404")).as(route + " documents 404 iff its path names something")
                    .isEqualTo(route.contains("{"));
            // Any read may be refused at the boundary: an unknown parameter, an id or year out of the policy.
            assertProblem(route, responses, "400");
            if (operation.path("parameters").findValuesAsText("name").contains("minVersion")) {
                assertProblem(route, responses, "409");
            }
            if (route.contains("{")) {
                assertProblem(route, responses, "404");
            }
        });
    }

    @Test
    void requests_take_values_and_periods_as_written_while_views_show_them_structured() {
        JsonNode doc = get("/v3/api-docs");
        JsonNode schemas = doc.at("/components/schemas");
        JsonNode arsMalvarde = OpenApi.resolve(doc, schemas.at("/StyrtalRequest/properties/arsMalvarde"));
        assertThat(arsMalvarde.get("oneOf").findValuesAsText("type")).contains("string", "object");
        assertThat(OpenApi.resolve(doc, schemas.at("/OpenRequest/properties/period")).get("type").asText())
                .isEqualTo("string");
        JsonNode figure = OpenApi.resolve(doc, schemas.at("/UtfallRequest/properties/figure"));
        assertThat(OpenApi.resolve(doc, figure.at("/properties/period")).get("type").asText()).isEqualTo("string");
        assertThat(OpenApi.resolve(doc, figure.at("/properties/value")).has("oneOf")).isTrue();
        JsonNode breakdown = OpenApi.resolve(doc, schemas.at("/StyrtalRequest/properties/breakdowns/items"));
        assertThat(OpenApi.resolve(doc, breakdown.at("/properties/arsMalvarde")).get("oneOf").findValuesAsText("type"))
                .contains("string");

        JsonNode viewPeriod = OpenApi.resolve(doc, schemas.at("/FollowUpReport/properties/period"));
        assertThat(viewPeriod.at("/properties").has("label")).as("a view shows a period structured").isTrue();
        assertThat(schemas.at("/PlanView/required").toString()).contains("version");
        assertThat(schemas.at("/StyrtalRequest/required").toString()).contains("goalId", "indikatorId", "text");
    }

    private static void assertProblem(String route, JsonNode responses, String status) {
        assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                .as(route + " documents " + status).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void axon_and_http_metrics_are_exposed_for_prometheus() {
        givenPlan("MET", 2026);
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("commandBus", "http_server_requests");
    }
}
