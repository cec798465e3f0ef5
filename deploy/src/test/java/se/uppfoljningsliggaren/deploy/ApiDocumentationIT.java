package se.uppfoljningsliggaren.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API is documented (OpenAPI, Swagger UI) and the service exposes its metrics for Prometheus. */
class ApiDocumentationIT extends LedgerIntegrationTest {

    @Test
    void the_openapi_document_describes_the_write_api_with_its_headers() {
        String openApi = http.getForObject("/v3/api-docs", String.class);
        assertThat(openApi).contains("/api/plans/{planId}/styrtal", "/api/plans/{planId}/adoption",
                "/api/indikatorer/{indikatorId}", "X-Principal", "Idempotency-Key", "If-Match");
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @Test
    void axon_and_http_metrics_are_exposed_for_prometheus() {
        givenPlan("MET", 2026);
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("commandBus", "http_server_requests");
    }
}
