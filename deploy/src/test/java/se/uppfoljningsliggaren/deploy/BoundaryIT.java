package se.uppfoljningsliggaren.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answers application/problem+json, also those the servlet container raises itself, and none names a
 * Java class or SQL; read-side refusals name the field.
 */
class BoundaryIT extends LedgerIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "TRACE|/api/plans|405|method",
            "GET|/api/plans/RS%2F2026|400|-",
            "GET|/api/plans/RS%002026|400|-",
            "GET|/api/plans/RS-2026?asOf=%2B99999-01-01T00:00:00Z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=yesterday|400|asOf",
            "GET|/api/plans/RS-2026?asof=2025-01-01T00:00:00Z|400|asof",
            "GET|/api/plans/RS-2026?minVersion=-1|400|minVersion",
            "GET|/api/followups/overview?year=2147483647|400|year",
            "GET|/api/followups/overview?year=2147483648|400|year",
            "GET|/api/plans?year=-2147483649|400|year",
            "GET|/api/ik-plans?year=99999999999|400|year",
            "GET|/api/followups/overview?year=abc|400|year",
            "GET|/api/internkontroll/overview?year=1066|400|year",
            "GET|/api/plans/x%20y|400|planId",
            "GET|/api/plans?year=2025&year=2026|400|year",
            "GET|/api/audit/people/x?limit=1&limit=2|400|limit",
            "GET|/api/plans?status=DONE|400|status",
            "DELETE|/api/plans/RS-2026|405|method",
            "GET|/api/no-such-thing|404|-",
            // the form a parameter's type is written in, not whatever else Spring would read as it
            "GET|/api/notary/proofs/inclusion?position=%2342&treeSize=10|400|position",
            "GET|/api/notary/proofs/inclusion?position=0x2A&treeSize=10|400|position",
            "GET|/api/notary/checkpoints/0x10|400|treeSize",
            "GET|/api/followups/overview?year=0x7E8|400|year",
            "GET|/api/plans/RS-2026?minVersion=%2B5|400|minVersion",
            "GET|/api/notary/checkpoints/-1|400|treeSize",
            "GET|/api/notary/checkpoints/99999999999999999999|400|treeSize",
            "GET|/api/audit/people/x?limit=99999999999|400|limit",
            "GET|/api/notary/checkpoints?before=-5|400|before",
            "GET|/api/plans/RS-2026?asOf=2026-12-03t10:15:30z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=2026-12-03T24:00:00Z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=2026-12-03T10:15:30.Z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=2026-12-03T10:15:30.1234567891Z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=2026-02-30T10:15:30Z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=2199-12-31T23:59:59Z|400|asOf",
            "GET|/api/plans/RS-2026?asOf=|400|asOf",
            "GET|/api/audit/beslut?diarienummer=|400|diarienummer",
            "GET|/api/plans/RS-2026?minVersion=3&asOf=2025-01-01T00:00:00Z|400|minVersion",
            "GET|/api/ik-plans/IK-RS-2026/atgarder/a1/history?regionovergripande=yes|400|regionovergripande",
            // a query that is not strictly UTF-8, or holds a control character, is refused before anything reads it
            "GET|/api/audit/beslut?diarienummer=%FF|400|query",
            "GET|/api/audit/beslut?diarienummer=%C0%80|400|query",
            "GET|/api/plans/RS-2026?asOf%00=x|400|query",
            "GET|/actuator/health?a%0A=1|400|query",
            "GET|/api/plans?year=20%2|400|query",
    })
    void refusals_are_problems(String method, String target, int status, String field) throws Exception {
        RawHttp.Response response = RawHttp.send(port, method, target, Map.of("Authorization", AUTHORIZATION), (byte[]) null);
        assertProblem(response, status, field);
    }

    @org.junit.jupiter.api.Test
    void an_oversized_or_malformed_header_is_a_problem_too() throws Exception {
        assertProblem(RawHttp.send(port, "GET", "/api/plans", Map.of("Authorization", AUTHORIZATION, "X-Filler", "a".repeat(20_000)), (byte[]) null),
                400, "-");
        assertProblem(RawHttp.send(port, "GET", "/api/plans", Map.of("Authorization", AUTHORIZATION, "X-Filler", "a\u0001b"), (byte[]) null), 400, "-");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {"application/yaml", "application/vnd.foo+json", "application/problem+json",
            "application/json;q=0"})
    void a_read_answers_json_or_is_refused(String accept) throws Exception {
        assertProblem(RawHttp.send(port, "GET", "/api/plans", Map.of("Authorization", AUTHORIZATION, "Accept", accept),
                (byte[]) null), 406, "Accept");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {"text/csv", "application/xml, text/html", "application/json;q=0", "x"})
    void a_write_whose_answer_the_client_cannot_take_is_refused_before_anything_is_stored(String accept)
            throws Exception {
        long events = eventCount();
        RawHttp.Response response = RawHttp.send(port, "POST", "/api/namnder", Map.of("Authorization", AUTHORIZATION,
                "Content-Type", "application/json", "Accept", accept),
                "{\"code\": \"ACC\", \"name\": \"Acceptnämnden\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertProblem(response, accept.equals("x") ? 400 : 406, "Accept");
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an over-long '/' (C0 AF)|7B226E616D65223A2261C0AF62227D|body",
            "an over-long '/' in three bytes (E0 80 AF)|7B226E616D65223A2261E080AF62227D|body",
            "beyond U+10FFFF (F4 90 80 80)|7B226E616D65223A2261F490808062227D|body",
            "a lone continuation byte|7B226E616D65223A226180227D|body",
    })
    void a_body_that_is_not_strictly_utf8_is_refused_never_decoded_leniently(String what, String hex, String field)
            throws Exception {
        long events = eventCount();
        byte[] name = java.util.HexFormat.of().parseHex(hex);
        byte[] body = ("{\"code\": \"UTFB\", " + new String(name, 1, name.length - 1,
                java.nio.charset.StandardCharsets.ISO_8859_1)).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        RawHttp.Response response = RawHttp.send(port, "POST", "/api/namnder", Map.of("Authorization", AUTHORIZATION,
                "Content-Type", "application/json"), body);
        assertProblem(response, 400, field);
        assertThat(response.body()).as(what).contains("UTF-8");
        assertThat(eventCount()).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a list for the body|[]|body|a JSON object",
            "a string for the body|\"s\"|body|a JSON object",
            "an unknown kind|{\"kind\": \"X\", \"title\": \"t\"}|kind|one of MALSATTNING, EFFEKTMAL",
            "a number for a text|{\"kind\": \"MALOMRADE\", \"title\": 5}|title|a JSON string",
            "a comment|/* c */ {}|body|malformed JSON",
            "NaN|{\"kind\": NaN}|body|malformed JSON",
            "a number for a date|{\"kind\": \"MALOMRADE\", \"title\": \"t\", \"revisionBeslut\": {\"datum\": 5}}|revisionBeslut.datum|a date written yyyy-mm-dd",
    })
    void an_unreadable_body_is_explained_in_json_terms_not_java_ones(String what, String body, String field,
                                                                    String explanation) throws Exception {
        RawHttp.Response response = RawHttp.send(port, "POST", "/api/plans/UNR-2026/goals", Map.of("Authorization",
                AUTHORIZATION, "Content-Type", "application/json"), body);
        assertProblem(response, 400, field);
        assertThat(response.body()).as(what).contains(explanation)
                .doesNotContain("GoalRequest", "GoalKind", "LocalDate", "Feature", "enable", "`");
    }

    @org.junit.jupiter.api.Test
    void a_body_sent_to_an_endpoint_that_takes_none_is_refused_not_ignored() throws Exception {
        assertProblem(RawHttp.send(port, "POST", "/api/admin/notary/verify", Map.of("Authorization", AUTHORIZATION,
                "Content-Type", "application/json"), "{\"from\": 1}"), 400, "body");
        assertProblem(RawHttp.send(port, "GET", "/api/plans", Map.of("Authorization", AUTHORIZATION,
                "Content-Type", "application/json"), "{\"year\": 2026}"), 400, "body");
    }

    @org.junit.jupiter.api.Test
    void if_match_takes_a_strong_tag_only() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "POST", "/api/plans/WEAK-2026/goals", Map.of("Authorization",
                AUTHORIZATION, "Content-Type", "application/json", "If-Match", "W/\"3\""),
                "{\"kind\": \"MALOMRADE\", \"origin\": \"NAMND\", \"title\": \"t\"}");
        assertProblem(response, 400, "If-Match");
    }

    @org.junit.jupiter.api.Test
    void a_reason_in_raw_utf8_is_refused_not_kept_garbled() throws Exception {
        long events = eventCount();
        RawHttp.Response response = RawHttp.send(port, "POST", "/api/namnder", Map.of("Authorization", AUTHORIZATION,
                "Content-Type", "application/json", "X-Reason", "Delårsrapport"),
                "{\"code\": \"RAWR\", \"name\": \"Rånämnden\"}");
        assertProblem(response, 400, "X-Reason");
        assertThat(response.body()).contains("Del%C3%A5rsrapport");
        assertThat(eventCount()).isEqualTo(events);
    }

    @org.junit.jupiter.api.Test
    void health_tells_anyone_the_status_and_only_an_admin_what_is_behind_it() {
        com.fasterxml.jackson.databind.JsonNode open = anonymous.getForObject("/actuator/health",
                com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(open.get("status").asText()).isNotBlank();
        assertThat(open.has("components")).isFalse();
        assertThat(http.getForObject("/actuator/health", com.fasterxml.jackson.databind.JsonNode.class)
                .at("/components/projections/details/processors").isObject()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void a_reader_may_ask_head_and_options_of_what_it_may_read() throws Exception {
        String revisor = "Basic " + java.util.Base64.getEncoder().encodeToString(("rita.revisor@regionorebrolan.se:"
                + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(RawHttp.send(port, "HEAD", "/api/plans", Map.of("Authorization", revisor), (byte[]) null).status())
                .isEqualTo(200);
        RawHttp.Response options = RawHttp.send(port, "OPTIONS", "/api/notary/checkpoints?limit=5",
                Map.of("Authorization", revisor), (byte[]) null);
        assertThat(options.status()).isEqualTo(200);
        // a reader still writes nothing
        assertProblem(RawHttp.send(port, "POST", "/api/namnder", Map.of("Authorization", revisor, "Content-Type",
                "application/json"), "{\"code\": \"REV\", \"name\": \"Revisornämnden\"}".getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), 403, "-");
    }

    private static void assertProblem(RawHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"reason\":").doesNotContain("Exception", "org.", "SQL", "<html");
        if (!field.equals("-")) {
            assertThat(response.body()).contains("\"field\":\"" + field + "\"");
        }
    }
}
