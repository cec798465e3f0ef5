package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import se.uppfoljningsliggaren.query.admin.SuspendedIndexes;

import java.nio.file.Path;
import java.util.List;

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
            // a full replay of the audit trail begins, and the service stops before it ends
            first.getBean(SuspendedIndexes.class).suspend(List.of("audit-trail"));
            assertThat(indexes(first)).doesNotContain("audit_entry_item").contains("audit_entry_entity");
        }
        try (ConfigurableApplicationContext second = SpringApplication.run(LedgerApplication.class, args)) {
            JsonNode plan = api(second).get().uri("/api/plans/RST-2026").retrieve().body(JsonNode.class);
            assertThat(plan.get("status").asText()).isEqualTo("FASTSTALLD");
            assertThat(plan.at("/goals/0/title").asText()).startsWith("Digitala lösningar");
            assertThat(plan.at("/adoptedBy/diarienummer").asText()).isEqualTo("25SN0042");
            assertThat(plan.get("version").asLong()).isEqualTo(2);
            // what the stopped replay had dropped is built again before the service answers
            assertThat(indexes(second)).contains("audit_entry_item", "audit_entry_beslut", "audit_entry_entity");
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM suspended_index",
                    Long.class)).isZero();
        }
    }

    private static List<String> indexes(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entry'", String.class);
    }

    private static RestClient api(ConfigurableApplicationContext context) {
        return StandaloneService.api(context);
    }

    private static void write(RestClient api, String path, String body) {
        api.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }
}
