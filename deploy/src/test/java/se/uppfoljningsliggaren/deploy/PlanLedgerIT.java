package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanLedgerIT extends LedgerIntegrationTest {

    private static final String STYRTAL = """
            {"styrtalId": "telefon", "goalId": "m1", "indikatorId": "telefontillganglighet-primarvard",
             "numbering": "3 c.", "text": "Telefontillgängligheten i primärvård, inom 0 dagar.", "unit": "%",
             "direction": "OKA", "senastKanda": {"value": "82 %", "period": "maj 2025"},
             "arsMalvarde": "90 %", "langsiktigtMalvarde": "95 %"}""";
    private static final String ADOPTION = """
            {"beslut": {"organ": "Regionstyrelsen", "datum": "2025-12-10", "paragraf": "§ 250",
                        "diarienummer": "25RS0001"}}""";

    @Test
    void a_plan_is_built_read_back_as_a_tree_and_every_event_says_who() {
        givenPlan("PLA", 2026);
        ok(post("/api/plans/PLA-2026/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1",
                 "title": "Hälso- och sjukvården är god, säker och jämlik."}"""));
        ResponseEntity<JsonNode> written = ok(post("/api/plans/PLA-2026/styrtal", STYRTAL));
        long version = written.getBody().get("version").asLong();

        JsonNode plan = get("/api/plans/PLA-2026?minVersion=" + version);
        JsonNode styrtal = plan.at("/goals/0/styrtal/0");
        assertThat(plan.get("status").asText()).isEqualTo("UTKAST");
        assertThat(plan.at("/goals/0/title").asText()).isEqualTo("Hälso- och sjukvården är god, säker och jämlik.");
        assertThat(styrtal.at("/senastKanda/value/written").asText()).isEqualTo("82 %");
        assertThat(styrtal.at("/senastKanda/value/number").decimalValue()).isEqualByComparingTo("82");
        assertThat(styrtal.at("/senastKanda/period/label").asText()).isEqualTo("maj 2025");
        assertThat(styrtal.at("/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(styrtal.at("/langsiktigtMalvarde/written").asText()).isEqualTo("95 %");
        assertThat(styrtal.get("indikatorName").asText()).isEqualTo("Telefontillgängligheten i primärvård");

        List<String> principals = jdbc.queryForList(
                "SELECT convert_from(meta_data, 'UTF8')::jsonb ->> 'principal' FROM domain_event_entry "
                        + "WHERE aggregate_identifier = 'PLA-2026'", String.class);
        assertThat(principals).isNotEmpty().allMatch(PRINCIPAL::equals);
    }

    @Test
    void a_fastställd_plan_is_revised_only_by_beslut_and_keeps_both_values_in_the_stream() {
        givenPlan("REV", 2026);
        ok(post("/api/plans/REV-2026/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""));
        ok(post("/api/plans/REV-2026/styrtal", STYRTAL));
        ok(post("/api/plans/REV-2026/adoption", ADOPTION));
        String revision = """
                {"numbering": "3 c.", "text": "Telefontillgängligheten i primärvård, inom 0 dagar.", "unit": "%%",
                 "direction": "OKA", "senastKanda": {"value": "82 %%", "period": "maj 2025"},
                 "arsMalvarde": "92 %%", "langsiktigtMalvarde": "95 %%" %s}""";
        long before = eventCount();

        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, "/api/plans/REV-2026/styrtal/telefon",
                revision.formatted(""), Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.getBody().get("field").asText()).isEqualTo("revisionBeslut");
        assertThat(eventCount()).isEqualTo(before);

        ResponseEntity<JsonNode> revised = ok(send(HttpMethod.PUT, "/api/plans/REV-2026/styrtal/telefon",
                revision.formatted(", \"revisionBeslut\": {\"organ\": \"Regionstyrelsen\", \"datum\": \"2026-03-04\", "
                        + "\"paragraf\": \"§ 31\", \"diarienummer\": \"26RS0112\"}"), Map.of()));
        JsonNode plan = get("/api/plans/REV-2026?minVersion=" + revised.getBody().get("version").asLong());
        assertThat(plan.at("/goals/0/styrtal/0/arsMalvarde/written").asText()).isEqualTo("92 %");
        assertThat(plan.at("/goals/0/styrtal/0/revisedBy/diarienummer").asText()).isEqualTo("26RS0112");
        assertThat(plan.at("/adoptedBy/paragraf").asText()).isEqualTo("§ 250");
        assertThat(plan.at("/revisions/0/beslut/paragraf").asText()).isEqualTo("§ 31");

        String beforeRevision = jdbc.queryForObject("SELECT max(event_time) FROM plan_view_history "
                + "WHERE plan_id = 'REV-2026' AND event_type = 'PlanAdopted'", java.sql.Timestamp.class)
                .toInstant().toString();
        JsonNode asAdopted = get("/api/plans/REV-2026?asOf=" + beforeRevision);
        assertThat(asAdopted.at("/goals/0/styrtal/0/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(asAdopted.get("revisions")).isEmpty();

        List<String> targetsInStream = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8')::jsonb -> 'content' -> 'arsMalvarde' ->> 'written'
                FROM domain_event_entry WHERE aggregate_identifier = 'REV-2026'
                  AND payload_type LIKE '%Styrtal%' ORDER BY sequence_number""", String.class);
        assertThat(targetsInStream).containsExactly("90 %", "92 %");
    }

    @Test
    void the_budget_shows_which_version_it_is_and_keeps_the_beslutad_amounts() {
        givenPlan("BUD", 2026);
        ok(post("/api/plans/BUD-2026/budget-tables", """
                {"tableId": "drift", "kind": "DRIFT", "title": "Driftbudget (mnkr)",
                 "columns": [{"key": "budget", "label": "Budget 2026", "role": "BUDGET"},
                             {"key": "budget-prev", "label": "Budget 2025", "role": "BUDGET_PREVIOUS_YEAR"}]}"""));
        ok(post("/api/plans/BUD-2026/budget-lines", """
                {"lineId": "rs", "tableId": "drift", "label": "Regionstyrelsen och regionkansliet, varav",
                 "amounts": {"budget": -314.3, "budget-prev": -306.8}}"""));
        ok(post("/api/plans/BUD-2026/budget-lines", """
                {"lineId": "rk", "tableId": "drift", "parentLineId": "rs", "label": "- Regionkansliet",
                 "amounts": {"budget": -277.4}}"""));
        ok(post("/api/plans/BUD-2026/adoption", ADOPTION));
        assertThat(get("/api/plans/BUD-2026?minVersion=4").at("/budget/versionName").asText()).isEqualTo("beslutad");

        ResponseEntity<JsonNode> revised = ok(send(HttpMethod.PUT, "/api/plans/BUD-2026/budget-lines/rk", """
                {"amounts": {"budget": -280.0}, "revisionBeslut": {"organ": "Regionfullmäktige",
                 "datum": "2026-04-20", "paragraf": "§ 55", "diarienummer": "26RS0400"}}""", Map.of()));
        JsonNode budget = get("/api/plans/BUD-2026?minVersion=" + revised.getBody().get("version").asLong()).get("budget");
        assertThat(budget.get("versionName").asText()).isEqualTo("aktuell");
        assertThat(budget.at("/versionBeslut/paragraf").asText()).isEqualTo("§ 55");
        JsonNode lines = budget.at("/tables/0/lines");
        assertThat(lines.get(0).at("/amounts/budget").decimalValue()).isEqualByComparingTo("-314.3");
        assertThat(lines.get(1).get("depth").asInt()).isEqualTo(1);
        assertThat(lines.get(1).at("/amounts/budget").decimalValue()).isEqualByComparingTo("-280.0");
        assertThat(lines.get(1).at("/beslutadAmounts/budget").decimalValue()).isEqualByComparingTo("-277.4");
    }

    @Test
    void one_indikator_is_followed_across_plans_of_different_years() {
        givenPlan("YOY", 2025);
        ok(post("/api/plans", """
                {"namnd": "YOY", "year": 2026, "title": "Verksamhetsplan med budget 2026"}"""));
        for (String planId : List.of("YOY-2025", "YOY-2026")) {
            ok(post("/api/plans/" + planId + "/goals", """
                    {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""));
            ok(post("/api/plans/" + planId + "/styrtal", STYRTAL));
        }
        get("/api/plans/YOY-2025?minVersion=2");
        get("/api/plans/YOY-2026?minVersion=2");
        JsonNode usage = get("/api/indikatorer/telefontillganglighet-primarvard");
        assertThat(usage.at("/indikator/name").asText()).isEqualTo("Telefontillgängligheten i primärvård");
        assertThat(usage.get("uses").findValuesAsText("planId")).contains("YOY-2025", "YOY-2026");
    }

    @Test
    void the_event_store_refuses_rewriting_history() {
        givenPlan("APP", 2026);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = 'APP-2026'",
                        "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("append-only");
    }
}
