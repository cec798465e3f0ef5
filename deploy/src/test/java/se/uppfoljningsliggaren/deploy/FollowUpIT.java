package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A follow-up occasion: the nämnd's assessments, the summary table with its items, fastställande and revisions. */
class FollowUpIT extends LedgerIntegrationTest {

    private static final String OCCASION = "/api/followups/FU-VERKSAMHETSBERATTELSE-2024";

    @Test
    void assessments_build_the_report_and_the_summary_table_and_a_fastställd_follow_up_needs_a_beslut()
            throws Exception {
        givenPlan("FU", 2024);
        ok(post("/api/plans/FU-2024/goals", """
                {"goalId": "p1", "kind": "PERSPEKTIV", "origin": "RF", "title": "Invånare och samhälle"}"""));
        for (String n : new String[]{"1", "2", "5"}) {
            ok(post("/api/plans/FU-2024/goals", """
                    {"goalId": "e%s", "parentGoalId": "p1", "kind": "EFFEKTMAL", "origin": "RF", "numbering": "%s",
                     "title": "Effektmål %s"}""".formatted(n, n, n)));
        }
        ok(post("/api/plans/FU-2024/goals", """
                {"goalId": "n1", "parentGoalId": "e1", "kind": "NAMNDMAL", "origin": "NAMND", "title": "Nämndmål"}"""));
        ok(post("/api/plans/FU-2024/uppdrag", """
                {"uppdragId": "u1", "goalId": "e5", "source": "NAMND",
                 "text": "Uppdatera handlingsplan för påverkansarbete"}"""));
        long planVersion = ok(post("/api/plans/FU-2024/styrtal", """
                {"styrtalId": "s1", "goalId": "e1", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Telefontillgänglighet", "arsMalvarde": "90 %"}""")).getBody().get("version").asLong();
        // The report is built on the plan's view: read it once it holds the whole plan
        get("/api/plans/FU-2024?minVersion=" + planVersion);

        ok(post("/api/followups", """
                {"namnd": "FU", "kind": "VERKSAMHETSBERATTELSE", "period": "2024"}"""));
        assess("""
                {"itemId": "e1", "colour": "ROD", "trend": "FORSAMRAD", "comment": "Målet nås inte."}""");
        assess("""
                {"itemId": "e2", "colour": "NOT_ASSESSED",
                 "notAssessedReason": "Underlaget från Cosmic är inte kvalitetssäkrat"}""");
        assess("""
                {"itemId": "e5", "colour": "GRON", "trend": "FORBATTRAD"}""");
        assess("""
                {"itemId": "n1", "colour": "GUL", "reconstructed": true, "comment": "Arbetet pågår."}""");
        assess("""
                {"itemId": "u1", "colour": "ROD"}""");
        ok(post(OCCASION + "/indikatorer", """
                {"styrtalId": "s1", "status": "DELVIS", "utfall": {"value": "81 %", "period": "2024"}}"""));

        ResponseEntity<JsonNode> badColour = post(OCCASION + "/assessments", """
                {"itemId": "e5", "colour": "BLA"}""");
        assertThat(badColour.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badColour.getBody().get("field").asText()).isEqualTo("colour");
        ResponseEntity<JsonNode> noReason = post(OCCASION + "/assessments", """
                {"itemId": "e5", "colour": "NOT_ASSESSED"}""");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<JsonNode> unknownItem = post(OCCASION + "/assessments", """
                {"itemId": "e9", "colour": "GRON"}""");
        assertThat(unknownItem.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        ok(post(OCCASION + "/resultatrapport", """
                {"title": "Resultatrapport regionstyrelsen", "budgetVersion": "aktuell", "lines": [
                  {"lineId": "rs", "label": "Regionstyrelsen och regionkansliet, varav",
                   "utfall": -314.3, "budget": -356.2, "utfallPreviousYear": -313.9},
                  {"lineId": "rk", "parentLineId": "rs", "label": "- Regionkansliet",
                   "utfall": -274.4, "budget": -306.8, "utfallPreviousYear": -273.9},
                  {"lineId": "summa", "label": "Summa:",
                   "utfall": -2662.1, "budget": -2778.8, "utfallPreviousYear": -2600.9}]}"""));

        ok(post(OCCASION + "/adoption", """
                {"beslut": {"organ": "Regionstyrelsen", "datum": "2025-03-05", "paragraf": "§ 40",
                            "diarienummer": "25RS0210"}}"""));
        long before = eventCount();
        ResponseEntity<JsonNode> withoutBeslut = post(OCCASION + "/assessments", """
                {"itemId": "e5", "colour": "GUL"}""");
        assertThat(withoutBeslut.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutBeslut.getBody().get("field").asText()).isEqualTo("revisionBeslut");
        assertThat(eventCount()).isEqualTo(before);

        JsonNode report = awaitFastställd();
        // the live report answers the follow-up's version as ETag (for If-Match); one as of an instant answers none
        long version = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'FU-VERKSAMHETSBERATTELSE-2024'", Long.class);
        assertThat(http.getForEntity(OCCASION, JsonNode.class).getHeaders().getETag()).isEqualTo("\"" + version + "\"");
        ResponseEntity<JsonNode> asOf = http.getForEntity(OCCASION + "?asOf=" + java.time.Instant.now(), JsonNode.class);
        assertThat(asOf.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(asOf.getHeaders().getETag()).isNull();
        JsonNode rfGoals = report.get("summary").get(0);
        assertThat(rfGoals.get("category").asText()).isEqualTo("Mål från regionfullmäktige");
        assertThat(rfGoals.get("total").asInt()).isEqualTo(3);
        assertThat(rfGoals.get("gron").asInt()).isEqualTo(1);
        assertThat(rfGoals.get("rod").asInt()).isEqualTo(1);
        assertThat(rfGoals.get("notAssessed").asInt()).isEqualTo(1);
        assertThat(rfGoals.get("items").findValuesAsText("itemId")).containsExactly("e1", "e2", "e5");
        JsonNode ownGoals = report.get("summary").get(1);
        assertThat(ownGoals.get("gul").asInt()).isEqualTo(1);
        assertThat(report.get("summary").get(2).get("rod").asInt()).isEqualTo(1);

        JsonNode resultat = report.at("/resultatrapport/lines");
        assertThat(report.at("/resultatrapport/budgetVersion").asText()).isEqualTo("aktuell");
        assertThat(resultat.get(0).get("budgetavvikelse").decimalValue()).isEqualByComparingTo("41.9");
        assertThat(resultat.get(0).get("forandring").decimalValue()).isEqualByComparingTo("-0.4");
        assertThat(resultat.get(1).get("budgetavvikelse").decimalValue()).isEqualByComparingTo("32.4");
        assertThat(resultat.get(1).get("forandring").decimalValue()).isEqualByComparingTo("-0.5");
        assertThat(resultat.get(1).get("depth").asInt()).isEqualTo(1);
        assertThat(resultat.get(2).get("budgetavvikelse").decimalValue()).isEqualByComparingTo("116.7");
        assertThat(resultat.get(2).get("forandring").decimalValue()).isEqualByComparingTo("-61.2");

        JsonNode e1 = report.at("/goals/0/children/0");
        assertThat(e1.at("/assessment/colour").asText()).isEqualTo("ROD");
        assertThat(e1.at("/indikatorer/0/status").asText()).isEqualTo("DELVIS");
        assertThat(e1.at("/indikatorer/0/suggestedColour").asText()).isEqualTo("GUL");
        assertThat(e1.at("/suggestedColour").asText()).isEqualTo("GUL");
        assertThat(e1.at("/assessment/colour").asText()).as("the nämnd's judgement is kept").isEqualTo("ROD");
        assertThat(e1.at("/indikatorer/0/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(e1.at("/children/0/assessment/reconstructed").asBoolean()).isTrue();
        assertThat(report.at("/goals/0/children/1/assessment/notAssessedReason").asText()).contains("Cosmic");

        java.time.Instant beforeTheRevision = java.time.Instant.now();
        ok(post(OCCASION + "/assessments", """
                {"itemId": "e5", "colour": "GUL", "comment": "Omprövad efter revisionens granskning.",
                 "revisionBeslut": {"organ": "Regionstyrelsen", "datum": "2025-04-02", "paragraf": "§ 61",
                                    "diarienummer": "25RS0300"}}"""));
        awaitGet(OCCASION, r -> r.at("/summary/0/gul").asInt() == 1);
        JsonNode asItWas = get(OCCASION + "?asOf=" + beforeTheRevision);
        assertThat(asItWas.at("/summary/0/gron").asInt()).isEqualTo(1);
        assertThat(asItWas.at("/summary/0/gul").asInt()).isZero();
    }

    private void assess(String body) {
        ok(post(OCCASION + "/assessments", body));
    }

    private JsonNode awaitFastställd() throws InterruptedException {
        return awaitGet(OCCASION, report -> report.get("faststalld").asBoolean());
    }
}
