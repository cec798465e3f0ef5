package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request waits for something that may never happen: an unknown id answers 404 at once; a write answers its
 * version and store position, and a read asking for at least that version gets it (or a 409, never a stale 200).
 */
class ReadYourWritesIT extends LedgerIntegrationTest {

    private static final String POSITION_HEADER = "X-Ledger-Position";

    @LocalServerPort
    int port;

    @Test
    void a_read_asking_for_the_version_a_write_answered_sees_that_write() {
        givenPlan("RYW", 2026);
        ResponseEntity<JsonNode> written = ok(post("/api/plans/RYW-2026/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""));
        long version = written.getBody().get("version").asLong();
        long position = written.getBody().get("position").asLong();
        assertThat(position).isEqualTo(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'RYW-2026'", Long.class));

        ResponseEntity<JsonNode> read = http.getForEntity("/api/plans/RYW-2026?minVersion=" + version, JsonNode.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody().at("/goals/0/title").asText()).isEqualTo("God vård");
        assertThat(read.getHeaders().getETag()).isEqualTo("\"" + version + "\"");
        assertThat(read.getHeaders().get(POSITION_HEADER)).containsExactly(String.valueOf(position));
    }

    @Test
    void a_version_never_written_is_refused_at_once() {
        givenPlan("RYX", 2026);
        Instant start = Instant.now();
        ResponseEntity<JsonNode> beyond = http.getForEntity("/api/plans/RYX-2026?minVersion=999999", JsonNode.class);
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/plans/NOPE-2026?minVersion=1", JsonNode.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(beyond.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(beyond.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(beyond.getBody().get("field").asText()).isEqualTo("minVersion");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("field").asText()).isEqualTo("planId");
    }

    @Test
    void unknown_ids_answer_404_at_once_even_two_hundred_at_a_time() throws Exception {
        givenPlan("RYZ", 2026);
        List<String> unknown = List.of("/api/plans/NOPE-2099", "/api/plans/NOPE/2099/year-over-year",
                "/api/followups/NOPE-VERKSAMHETSBERATTELSE-2099", "/api/ik-plans/IK-NOPE-2099",
                "/api/indikatorer/finns-inte", "/api/isk-bedomningar/NOPE/2099");
        Instant one = Instant.now();
        for (String path : unknown) {
            ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().get("field").asText()).as(path).isNotBlank();
        }
        assertThat(Duration.between(one, Instant.now())).as("six unknown ids").isLessThan(Duration.ofSeconds(1));

        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < 200; i++) {
                String path = unknown.get(i % unknown.size());
                answers.add(clients.submit(() -> RawHttp.send(port, "GET", path, Map.of("Authorization", AUTHORIZATION), (byte[]) null)
                        .status()));
            }
            // Meanwhile the service answers other requests normally.
            assertThat(http.getForEntity("/api/plans/RYZ-2026?minVersion=0", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(404);
            }
            assertThat(Duration.between(start, Instant.now())).as("200 concurrent unknown ids")
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            clients.shutdownNow();
        }
        assertThat(http.getForEntity("/api/plans", JsonNode.class).getHeaders().get(POSITION_HEADER)).isNotEmpty();
    }
}
