package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts keep their printed form beside the number, from the write API into the plan view and the follow-up report. */
class PrintedAmountsIT extends LedgerIntegrationTest {

    @Test
    void a_budget_line_shows_its_cells_as_printed_beside_the_amounts_read_from_them() throws Exception {
        givenPlan("PRT", 2026);
        ok(post("/api/plans/PRT-2026/budget-tables", """
                {"tableId": "drift", "kind": "DRIFT", "title": "Driftbudget (mnkr)",
                 "columns": [{"key": "budget", "label": "Budget 2026", "role": "BUDGET"},
                             {"key": "prognos-prev", "label": "Prognos 2025", "role": "PROGNOS_PREVIOUS_YEAR"},
                             {"key": "budget-prev", "label": "Budget 2025", "role": "BUDGET_PREVIOUS_YEAR"}]}"""));
        ok(post("/api/plans/PRT-2026/budget-lines", """
                {"lineId": "hv", "tableId": "drift", "label": "Hälsovalsenheten, varav",
                 "printed": {"budget": "-2 314,7", "prognos-prev": "–2\u00a0208,8",
                             "budget-prev": {"form": "NOT_DECIDED", "written": "Belopp ännu ej fastställt"}}}"""));
        long version = ok(post("/api/plans/PRT-2026/budget-lines", """
                {"lineId": "rk", "tableId": "drift", "label": "Regionkansliet", "amounts": {"budget": -263.0}}"""))
                .getBody().get("version").asLong();

        JsonNode lines = get("/api/plans/PRT-2026?minVersion=" + version).at("/budget/tables/0/lines");
        JsonNode hv = lines.get(0);
        assertThat(hv.at("/printed/budget/written").asText()).isEqualTo("-2 314,7");
        assertThat(hv.at("/amounts/budget").decimalValue()).isEqualByComparingTo("-2314.7");
        assertThat(hv.at("/printed/prognos-prev/written").asText()).isEqualTo("–2\u00a0208,8");
        assertThat(hv.at("/amounts/prognos-prev").decimalValue()).isEqualByComparingTo("-2208.8");
        assertThat(hv.at("/printed/budget-prev/form").asText()).isEqualTo("NOT_DECIDED");
        assertThat(hv.at("/printed/budget-prev/written").asText()).isEqualTo("Belopp ännu ej fastställt");
        assertThat(hv.get("amounts").has("budget-prev")).as("words have no amount, never 0").isFalse();
        JsonNode rk = lines.get(1);
        assertThat(rk.at("/amounts/budget").decimalValue()).isEqualByComparingTo("-263.0");
        assertThat(rk.get("printed").isNull()).as("no printed form is invented for a number given alone").isTrue();

        JsonNode asOf = get("/api/plans/PRT-2026?asOf=" + Instant.now());
        assertThat(asOf.at("/budget/tables/0/lines/0/printed/budget/written").asText()).isEqualTo("-2 314,7");

        long revised = ok(send(HttpMethod.PUT, "/api/plans/PRT-2026/budget-lines/hv", """
                {"printed": {"budget-prev": "-2 246,6"}}""", Map.of())).getBody().get("version").asLong();
        JsonNode after = get("/api/plans/PRT-2026?minVersion=" + revised).at("/budget/tables/0/lines/0");
        assertThat(after.at("/printed/budget-prev/written").asText()).isEqualTo("-2 246,6");
        assertThat(after.at("/amounts/budget-prev").decimalValue()).isEqualByComparingTo("-2246.6");
        assertThat(after.at("/printed/budget/written").asText()).isEqualTo("-2 314,7");
    }

    @Test
    void a_printed_cell_and_a_number_that_disagree_are_refused_naming_the_cell() {
        givenPlan("PRD", 2026);
        ok(post("/api/plans/PRD-2026/budget-tables", """
                {"tableId": "drift", "kind": "DRIFT", "title": "Driftbudget (mnkr)",
                 "columns": [{"key": "budget", "label": "Budget 2026", "role": "BUDGET"}]}"""));
        long before = eventCount();

        ResponseEntity<JsonNode> disagreeing = post("/api/plans/PRD-2026/budget-lines", """
                {"lineId": "hv", "tableId": "drift", "label": "Hälsovalsenheten, varav",
                 "printed": {"budget": "-2 314,7"}, "amounts": {"budget": -2314.6}}""");
        assertThat(disagreeing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(disagreeing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(disagreeing.getBody().get("field").asText()).isEqualTo("printed.budget");

        ResponseEntity<JsonNode> misprinted = post("/api/plans/PRD-2026/budget-lines", """
                {"lineId": "hv", "tableId": "drift", "label": "Hälsovalsenheten, varav",
                 "printed": {"budget": "-2 31,47"}}""");
        assertThat(misprinted.getStatusCode().is4xxClientError()).isTrue();
        assertThat(misprinted.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(misprinted.getBody().get("field").asText()).isEqualTo("printed.budget");

        ResponseEntity<JsonNode> wordsWithoutForm = post("/api/plans/PRD-2026/budget-lines", """
                {"lineId": "hv", "tableId": "drift", "label": "Hälsovalsenheten, varav",
                 "printed": {"budget": "Belopp ännu ej fastställt"}}""");
        assertThat(wordsWithoutForm.getStatusCode().is4xxClientError()).isTrue();
        assertThat(wordsWithoutForm.getBody().get("field").asText()).isEqualTo("printed.budget");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_resultatrapport_row_shows_its_amounts_as_printed_and_refuses_a_number_that_disagrees() throws Exception {
        givenPlan("PRF", 2024);
        ok(post("/api/followups", """
                {"namnd": "PRF", "kind": "VERKSAMHETSBERATTELSE", "period": "2024"}"""));
        String occasion = "/api/followups/PRF-VERKSAMHETSBERATTELSE-2024";
        long before = eventCount();
        ResponseEntity<JsonNode> disagreeing = post(occasion + "/resultatrapport", """
                {"title": "Resultatrapport (mnkr)", "budgetVersion": "aktuell", "lines": [
                  {"lineId": "hv", "label": "Hälsovalsenheten, varav", "utfall": -2077.0,
                   "printed": {"utfall": "-2 077,9"}}]}""");
        assertThat(disagreeing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(disagreeing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(disagreeing.getBody().get("field").asText()).isEqualTo("lines.printed.utfall");
        assertThat(eventCount()).isEqualTo(before);

        ok(post(occasion + "/resultatrapport", """
                {"title": "Resultatrapport (mnkr)", "budgetVersion": "aktuell", "lines": [
                  {"lineId": "hv", "label": "Hälsovalsenheten, varav",
                   "printed": {"utfall": "-2 077,9", "budget": "-2 152,3", "utfallPreviousYear": "-2 027,0"}},
                  {"lineId": "ovrigt", "label": "Övrigt", "utfall": -0.5}]}"""));

        JsonNode lines = awaitGet(occasion, r -> r.at("/resultatrapport/lines").size() == 2)
                .at("/resultatrapport/lines");
        JsonNode hv = lines.get(0);
        assertThat(hv.at("/printed/utfall/written").asText()).isEqualTo("-2 077,9");
        assertThat(hv.at("/printed/budget/written").asText()).isEqualTo("-2 152,3");
        assertThat(hv.at("/printed/utfallPreviousYear/written").asText()).isEqualTo("-2 027,0");
        assertThat(hv.get("utfall").decimalValue()).isEqualByComparingTo("-2077.9");
        assertThat(hv.get("budgetavvikelse").decimalValue()).isEqualByComparingTo("74.4");
        assertThat(hv.get("forandring").decimalValue()).isEqualByComparingTo("-50.9");
        assertThat(lines.get(1).get("printed").isNull()).isTrue();
    }
}
