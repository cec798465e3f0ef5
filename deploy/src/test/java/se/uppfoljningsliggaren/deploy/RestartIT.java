package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default run keeps its PostgreSQL data in a directory: a stop and a start lose nothing recorded. */
class RestartIT {

    @Test
    void stopping_and_starting_the_service_keeps_every_plan_and_change(@TempDir Path dir) {
        LedgerApplication.disableAxonUsageReporting();
        String[] args = StandaloneService.args(dir.resolve("pgdata"));
        try (ConfigurableApplicationContext first = SpringApplication.run(LedgerApplication.class, args)) {
            RestClient api = api(first);
            write(api, "/api/namnder", "{\"code\": \"RST\", \"name\": \"Servicenämnden\"}");
            write(api, "/api/plans", "{\"namnd\": \"RST\", \"year\": 2026, \"title\": \"Verksamhetsplan 2026\"}");
            write(api, "/api/plans/RST-2026/goals", """
                    {"goalId": "m7", "kind": "MALSATTNING", "origin": "RF", "numbering": "7",
                     "title": "Digitala lösningar för en enklare vardag för invånare och medarbetare"}""");
            write(api, "/api/plans/RST-2026/adoption", """
                    {"beslut": {"organ": "Servicenämnden", "datum": "2025-12-11", "paragraf": "§ 90",
                                "diarienummer": "25SN0042"}}""");
            assertThat(api.get().uri("/api/plans/RST-2026?minVersion=2").retrieve().body(JsonNode.class)
                    .get("status").asText()).isEqualTo("FASTSTALLD");
        }
        try (ConfigurableApplicationContext second = SpringApplication.run(LedgerApplication.class, args)) {
            JsonNode plan = api(second).get().uri("/api/plans/RST-2026").retrieve().body(JsonNode.class);
            assertThat(plan.get("status").asText()).isEqualTo("FASTSTALLD");
            assertThat(plan.at("/goals/0/title").asText()).startsWith("Digitala lösningar");
            assertThat(plan.at("/adoptedBy/diarienummer").asText()).isEqualTo("25SN0042");
            assertThat(plan.get("version").asLong()).isEqualTo(2);
        }
    }

    private static RestClient api(ConfigurableApplicationContext context) {
        return StandaloneService.api(context);
    }

    private static void write(RestClient api, String path, String body) {
        api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }
}
