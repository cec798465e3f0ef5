package se.uppfoljningsliggaren.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view that takes asOf answers, for a past instant, exactly what the live view answered then: a scripted
 * history (plans written, fastställda and revised by beslut, an IK-plan built up and stepped, a follow-up assessed
 * and fastställd, utfall recorded and corrected, an ISK-bedömning made and fastställd; both overviews among the
 * views) records the live answers after each step, and afterwards each as-of answer must equal its recording byte
 * for byte.
 */
class AsOfIT extends LedgerIntegrationTest {

    private static final String BESLUT = """
            {"organ": "Nämnd ASO", "datum": "2025-12-11", "paragraf": "§ 90", "diarienummer": "25ASO0042"}""";

    private static final String OCCASION = "/api/followups/ASO-VERKSAMHETSBERATTELSE-2026";

    private static final String SERIES = "/api/indikatorer/telefontillganglighet-primarvard/series?namnd=ASO";
    private static final String SOURCE = "\"source\": \"Nationella väntetidsdatabasen\"";
    private static final String UTFALL = """
            {"namnd": "ASO", "indikatorId": "telefontillganglighet-primarvard",
             "figure": {"value": "%s", "period": "%s"}, %s}""";
    private static final String OVERVIEW = "/api/followups/overview?year=2026";
    private static final String IK_OVERVIEW = "/api/internkontroll/overview?year=2026";

    private final Map<Instant, Map<String, String>> recorded = new LinkedHashMap<>();

    @Test
    void each_as_of_answer_equals_what_the_live_view_answered_at_that_instant() throws Exception {
        givenPlan("ASO", 2025);
        long v2026 = ok(post("/api/plans", """
                {"namnd": "ASO", "year": 2026, "title": "Verksamhetsplan med budget 2026"}""")).getBody()
                .get("version").asLong();
        ok(post("/api/ik-plans", "{\"namnd\": \"ASO\", \"year\": 2026}"));
        record(0, v2026, 0);

        for (String planId : List.of("ASO-2025", "ASO-2026")) {
            v2026 = ok(post("/api/plans/" + planId + "/goals", """
                    {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}"""))
                    .getBody().get("version").asLong();
        }
        record(1, v2026, 0);

        v2026 = ok(post("/api/plans/ASO-2026/styrtal", """
                {"styrtalId": "m1-s1", "goalId": "m1", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Telefontillgängligheten i primärvård", "arsMalvarde": "90 %"}""")).getBody()
                .get("version").asLong();
        // two budget tables in the order 004 prints them, which is not the order of their keys in a jsonb document
        // (shorter keys first): live and as of must both show them as added
        for (String table : List.of("resultat", "drift")) {
            ok(post("/api/plans/ASO-2026/budget-tables", """
                    {"tableId": "%s", "kind": "%s", "title": "Budget %s",
                     "columns": [{"key": "budget", "label": "Budget 2026", "role": "BUDGET"}]}"""
                    .formatted(table, table.toUpperCase(), table)));
            ok(post("/api/plans/ASO-2026/budget-lines", """
                    {"lineId": "%1$s.summa", "tableId": "%1$s", "label": "Summa", "amounts": {"budget": -1.5}}"""
                    .formatted(table)));
        }
        // year-over-year as it stood: unlinked before this step, a pair after it
        v2026 = ok(send(HttpMethod.PUT, "/api/plans/ASO-2026/continuity/GOAL/m1", "{\"previousItemId\": \"m1\"}",
                Map.of())).getBody().get("version").asLong();
        long ik = ok(post("/api/ik-plans/IK-ASO-2026/risks", """
                {"riskId": "r1", "verksamhet": "Ekonomi", "krav": ["D"], "text": "Risk för felaktig redovisning."}"""))
                .getBody().get("version").asLong();
        ok(post("/api/utfall", UTFALL.formatted("81 %", "april 2026", SOURCE)));
        record(2, v2026, ik);
        assertThat(awaitGet("/api/plans/ASO-2026", plan -> plan.at("/budget/tables").size() == 2)
                .at("/budget/tables").findValuesAsText("tableId")).containsExactly("resultat", "drift");

        v2026 = ok(post("/api/plans/ASO-2026/adoption", "{\"beslut\": " + BESLUT + "}")).getBody()
                .get("version").asLong();
        ok(post("/api/followups", """
                {"namnd": "ASO", "kind": "VERKSAMHETSBERATTELSE", "period": "2026"}"""));
        ik = ok(post("/api/ik-plans/IK-ASO-2026/atgarder", """
                {"atgardId": "r1-a1", "riskId": "r1", "text": "Stickprov på verifikationer varje kvartal."}"""))
                .getBody().get("version").asLong();
        ok(post("/api/utfall", UTFALL.formatted("84 %", "maj 2026", SOURCE)));
        ok(post("/api/isk-bedomningar", """
                {"namnd": "ASO", "year": 2026, "tillracklig": false, "motivation": "Uppföljningen är ofullständig."}"""));
        record(3, v2026, ik);

        v2026 = ok(send(HttpMethod.PUT, "/api/plans/ASO-2026/styrtal/m1-s1", """
                {"text": "Telefontillgängligheten i primärvård", "arsMalvarde": "92 %",
                 "revisionBeslut": {"organ": "Nämnd ASO", "datum": "2026-03-04", "paragraf": "§ 31",
                                    "diarienummer": "26ASO0112"}}""", Map.of())).getBody().get("version").asLong();
        ok(post(OCCASION + "/assessments", """
                {"itemId": "m1", "colour": "GUL", "trend": "FORBATTRAD", "comment": "Nära målet."}"""));
        ok(post("/api/utfall/corrections", UTFALL.formatted("80 %", "april 2026", "\"reason\": \"Rättad leverans\"")));
        ok(post("/api/isk-bedomningar", """
                {"namnd": "ASO", "year": 2026, "tillracklig": true, "motivation": "Ändamålsenligt utformad."}"""));
        ok(post("/api/isk-bedomningar/ISK-ASO-2026/adoption", "{\"beslut\": " + BESLUT + "}"));
        record(4, v2026, ik);

        ok(post("/api/ik-plans/IK-ASO-2026/adoption", "{\"beslut\": " + BESLUT + "}"));
        ik = ok(post("/api/ik-plans/IK-ASO-2026/atgarder/r1-a1/status", """
                {"status": "PAGAENDE", "datum": "2026-05-04", "comment": "Första stickprovet är gjort."}"""))
                .getBody().get("version").asLong();
        ok(post(OCCASION + "/adoption", """
                {"beslut": {"organ": "Nämnd ASO", "datum": "2027-02-18", "paragraf": "§ 12",
                            "diarienummer": "27ASO0007"}}"""));
        record(5, v2026, ik);

        assertThat(recorded).hasSize(6);
        for (Map.Entry<Instant, Map<String, String>> step : recorded.entrySet()) {
            for (Map.Entry<String, String> view : step.getValue().entrySet()) {
                String path = view.getKey() + (view.getKey().contains("?") ? "&" : "?") + "asOf=" + step.getKey();
                assertThat(body(path)).as(path).isEqualTo(view.getValue());
            }
        }
        // And the history is not the present: the first step had no goals, the last has the revised målvärde
        Instant first = recorded.keySet().iterator().next();
        assertThat(json.readTree(body("/api/plans/ASO-2026?asOf=" + first)).get("goals")).isEmpty();
        assertThat(json.readTree(body(SERIES + "&asOf=" + first)).findValuesAsText("origin")).doesNotContain("UTFALL");
        assertThat(aso(json.readTree(body(OVERVIEW + "&asOf=" + first))).get("occasionId").isNull()).isTrue();
        assertThat(aso(json.readTree(body(OVERVIEW))).at("/summary/0/gul").asInt()).isEqualTo(1);

        // An audit export bundle as of a recorded instant holds each view its events belong to as the live view
        // answered it then
        Instant fifth = new ArrayList<>(recorded.keySet()).get(4);
        Map<String, String> then = recorded.get(fifth);
        Map<String, List<String>> bundled = new LinkedHashMap<>();
        for (String asked : List.of("diarienummer=25ASO0042", "entityKey=occasion:ASO-VERKSAMHETSBERATTELSE-2026",
                "entityKey=utfall:ASO:telefontillganglighet-primarvard:2026-04")) {
            com.fasterxml.jackson.databind.JsonNode bundle = sealedBundle(asked + "&asOf=" + fifth);
            for (com.fasterxml.jackson.databind.JsonNode view : bundle.get("views")) {
                String read = view.get("read").asText();
                assertThat(read).endsWith("asOf=" + fifth);
                String live = read.substring(0, read.length() - ("asOf=" + fifth).length() - 1);
                assertThat(view.get("body")).as(read).isEqualTo(json.readTree(then.get(live)));
                bundled.computeIfAbsent(asked, k -> new ArrayList<>()).add(view.get("view").asText());
            }
        }
        assertThat(bundled).containsEntry("diarienummer=25ASO0042", List.of("plan", "isk"))
                .containsEntry("entityKey=occasion:ASO-VERKSAMHETSBERATTELSE-2026", List.of("follow-up"))
                .containsEntry("entityKey=utfall:ASO:telefontillganglighet-primarvard:2026-04",
                        List.of("indikator-series"));
    }

    /** The bundle once a checkpoint holds every event of it up to its instant (409 until the notary has sealed them). */
    private com.fasterxml.jackson.databind.JsonNode sealedBundle(String query) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            ok(post("/api/admin/notary/checkpoints", ""));
            ResponseEntity<String> bundle = http.getForEntity("/api/notary/bundles?" + query, String.class);
            if (bundle.getStatusCode().is2xxSuccessful()) {
                return json.readTree(bundle.getBody());
            }
            assertThat(bundle.getStatusCode().value()).as(bundle.getBody()).isEqualTo(409);
            Thread.sleep(200);
        }
        throw new AssertionError("no checkpoint came to hold the bundle " + query);
    }

    /** Waits until the views hold the step's writes, then records the live answers at an instant after them. */
    private void record(int step, long planVersion, long ikVersion) throws Exception {
        get("/api/plans/ASO-2026?minVersion=" + planVersion);
        get("/api/ik-plans/IK-ASO-2026?minVersion=" + ikVersion);
        awaitGet("/api/plans/ASO-2025", plan -> step == 0 || plan.get("goals").size() == 1);
        awaitGet("/api/plans?namnd=ASO", plans -> plans.size() == 2
                && plans.findValuesAsText("version").contains(String.valueOf(planVersion)));
        Map<String, String> answers = new LinkedHashMap<>();
        Instant at = Instant.now();
        List<String> views = new ArrayList<>(List.of("/api/plans/ASO-2026", "/api/plans?namnd=ASO",
                "/api/ik-plans/IK-ASO-2026", SERIES));
        if (step > 0) {
            views.add("/api/plans/ASO/2026/year-over-year");
        }
        // The overviews' processor shows each step: the IK-plan, then its åtgärd and the follow-up, then the assessment
        awaitGet(IK_OVERVIEW, overview -> aso(overview).path("ikPlanId").asText().equals("IK-ASO-2026")
                && aso(overview).at("/counts/planerad").asInt() == (step == 3 || step == 4 ? 1 : 0)
                && aso(overview).at("/counts/pagaende").asInt() == (step >= 5 ? 1 : 0)
                && aso(overview).path("iskMade").asBoolean() == step >= 3
                && aso(overview).path("iskFaststalld").asBoolean() == step >= 4);
        awaitGet(OVERVIEW, overview -> aso(overview).path("occasionId").isTextual() == step >= 3
                && (step < 4 || aso(overview).toString().contains("\"gul\":1"))
                && aso(overview).path("faststalld").asBoolean() == step >= 5
                && aso(overview).at("/internkontroll/iskFaststalld").asBoolean() == step >= 4);
        views.add(OVERVIEW);
        views.add(IK_OVERVIEW);
        if (step >= 2) {
            awaitGet(SERIES, series -> series.toString().contains(step == 2 ? "81" : step == 3 ? "84" : "Rättad leverans"));
        }
        if (step >= 3) {
            awaitGet(OCCASION, report -> (step == 3 || report.toString().contains("Nära målet."))
                    && report.path("faststalld").asBoolean() == step >= 5);
            views.add(OCCASION);
            views.add(OCCASION + "/internkontroll");
            awaitGet("/api/isk-bedomningar/ASO/2026",
                    isk -> (step == 3 ? "UTKAST" : "FASTSTALLD").equals(isk.path("status").asText()));
            views.add("/api/isk-bedomningar/ASO/2026");
            views.add("/api/isk-bedomningar/region/2026");
        }
        for (String view : views) {
            answers.put(view, body(view));
        }
        Thread.sleep(5); // the next step's events are stamped after this instant
        recorded.put(at, answers);
    }

    /** ASO's row in an overview. */
    private static com.fasterxml.jackson.databind.JsonNode aso(com.fasterxml.jackson.databind.JsonNode overview) {
        for (com.fasterxml.jackson.databind.JsonNode row : overview.get("namnder")) {
            if (row.get("namnd").asText().equals("ASO")) {
                return row;
            }
        }
        throw new AssertionError("no ASO row in " + overview);
    }

    private String body(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + ": " + response.getBody()).isTrue();
        return response.getBody();
    }
}
