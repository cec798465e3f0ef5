package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a problem naming the field and the reason, and stores nothing. */
class BadInputIT extends LedgerIntegrationTest {

    @BeforeEach
    void plan() {
        if (jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'BAD-2026'",
                Long.class) == 0) {
            givenPlan("BAD", 2026);
            long version = ok(post("/api/plans/BAD-2026/goals", """
                    {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""))
                    .getBody().get("version").asLong();
            get("/api/plans/BAD-2026?minVersion=" + version);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field|400|bogus|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\", \"bogus\": 1}",
            "wrong type|400|breakdowns|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\", \"breakdowns\": \"many\"}",
            "unknown enum|400|direction|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\", \"direction\": \"UPP\"}",
            "impossible målvärde|422|arsMalvarde|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\", \"arsMalvarde\": \"90 %%\"}",
            "målvärde of a declared form it is not|422|langsiktigtMalvarde|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\", \"langsiktigtMalvarde\": {\"form\": \"INTERVAL\", \"written\": \"95 %\"}}",
            "period that is no period|422|senastKanda|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\", \"senastKanda\": {\"value\": \"82 %\", \"period\": \"snart\"}}",
            "missing text|422|text|{\"goalId\": \"m1\", \"indikatorId\": \"telefontillganglighet-primarvard\"}",
            "unknown goal|422|goalId|{\"goalId\": \"m9\", \"indikatorId\": \"telefontillganglighet-primarvard\", \"text\": \"x\"}",
            "unknown indikator|422|indikatorId|{\"goalId\": \"m1\", \"indikatorId\": \"finns-inte\", \"text\": \"x\"}",
            "malformed JSON|400|-|{\"goalId\": ",
    })
    void a_bad_styrtal_is_refused_with_the_field_named_and_nothing_stored(String what, int status, String field,
                                                                          String body) {
        long before = eventCount();
        ResponseEntity<JsonNode> response = post("/api/plans/BAD-2026/styrtal", body);
        assertThat(response.getStatusCode().value()).as(what + ": " + response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        if (!field.equals("-")) {
            assertThat(response.getBody().get("field").asText()).startsWith(field);
        }
        assertThat(response.getBody().get("reason").asText()).isNotBlank();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_second_plan_for_the_same_nämnd_and_year_is_a_conflict() {
        long before = eventCount();
        ResponseEntity<JsonNode> response = post("/api/plans", """
                {"namnd": "BAD", "year": 2026, "title": "En till"}""");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("detail").asText()).contains("BAD-2026");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_stale_version_is_a_conflict() {
        long current = get("/api/plans/BAD-2026").get("version").asLong();
        ok(post("/api/plans/BAD-2026/goals", """
                {"kind": "MALOMRADE", "origin": "NAMND", "title": "Kommunikation"}"""));
        long before = eventCount();
        ResponseEntity<JsonNode> response = send(HttpMethod.POST, "/api/plans/BAD-2026/goals", """
                {"kind": "MALOMRADE", "origin": "NAMND", "title": "Beredskap och säkerhet"}""",
                Map.of("If-Match", "\"" + current + "\""));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("field").asText()).isEqualTo("If-Match");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_anonymous_write_is_refused() {
        long before = eventCount();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = anonymous.exchange("/api/plans/BAD-2026/goals", HttpMethod.POST,
                new HttpEntity<>("{\"kind\": \"MALOMRADE\", \"origin\": \"NAMND\", \"title\": \"x\"}", headers),
                JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_idempotent_retry_returns_the_first_answer_and_appends_nothing() {
        String body = """
                {"kind": "MALOMRADE", "origin": "NAMND", "title": "Motverka välfärdsbrottslighet"}""";
        ResponseEntity<JsonNode> first = ok(send(HttpMethod.POST, "/api/plans/BAD-2026/goals", body,
                Map.of("Idempotency-Key", "retry-1")));
        long after = eventCount();
        ResponseEntity<JsonNode> retry = ok(send(HttpMethod.POST, "/api/plans/BAD-2026/goals", body,
                Map.of("Idempotency-Key", "retry-1")));
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).isEqualTo(after);

        ResponseEntity<JsonNode> reused = send(HttpMethod.POST, "/api/plans/BAD-2026/goals",
                body.replace("Motverka", "Förebygga"), Map.of("Idempotency-Key", "retry-1"));
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(eventCount()).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing datum|a beslut needs its datum|{\"organ\": \"Nämnd BAD\", \"paragraf\": \"§ 1\", \"diarienummer\": \"26BAD1\"}",
            "datum given and declared not given|datum is given, yet notGivenInSource names it|{\"organ\": \"Nämnd BAD\", \"datum\": \"2026-01-10\", \"paragraf\": \"§ 1\", \"diarienummer\": \"26BAD1\", \"notGivenInSource\": [\"DATUM\"]}",
            "unknown part|ORGAN|{\"organ\": \"Nämnd BAD\", \"datum\": \"2026-01-10\", \"paragraf\": \"§ 1\", \"diarienummer\": \"26BAD1\", \"notGivenInSource\": [\"ORGAN\"]}",
    })
    void a_beslut_leaves_out_only_what_it_declares_not_given_in_its_source(String what, String reason, String beslut) {
        long before = eventCount();
        ResponseEntity<JsonNode> response = post("/api/plans/BAD-2026/adoption", "{\"beslut\": " + beslut + "}");
        assertThat(response.getStatusCode().is4xxClientError()).as(what + ": " + response.getBody()).isTrue();
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().get("field").asText()).as(what).startsWith("beslut");
        assertThat(response.getBody().get("reason").asText()).as(what).contains(reason);
        assertThat(eventCount()).isEqualTo(before);
    }
}
