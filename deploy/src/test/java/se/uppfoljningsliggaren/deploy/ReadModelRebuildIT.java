package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.uppfoljningsliggaren.query.admin.ReadModelRebuilder;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Read tables are disposable: replaying the event store rebuilds exactly what the live projections built. */
class ReadModelRebuildIT extends LedgerIntegrationTest {

    @Autowired
    ReadModelRebuilder rebuilder;

    private static final Map<String, String> READ_TABLES = Map.ofEntries(
            Map.entry("namnd_view", "code"),
            Map.entry("namnd_scope_view", "subject"),
            Map.entry("indikator_view", "indikator_id"),
            Map.entry("rf_uppdrag_view", "rf_uppdrag_id"),
            Map.entry("source_document_view", "document_id"),
            Map.entry("plan_view", "plan_id"),
            Map.entry("plan_view_history", "plan_id, version"),
            Map.entry("styrtal_usage", "plan_id, styrtal_id"),
            Map.entry("styrtal_usage_version", "plan_id, styrtal_id, global_index"),
            Map.entry("utfall_version", "series_id, figure_key, global_index"),
            Map.entry("followup_view", "occasion_id"),
            Map.entry("followup_view_history", "occasion_id, version"),
            Map.entry("ik_plan_view", "ik_plan_id"),
            Map.entry("ik_plan_view_history", "ik_plan_id, version"),
            Map.entry("isk_view", "isk_id"),
            Map.entry("isk_view_history", "isk_id, version"),
            Map.entry("overview_document", "aggregate_id"),
            Map.entry("overview_namnd", "code"),
            Map.entry("overview_row", "row_view, year, row_key, valid_from"),
            Map.entry("audit_entry", "global_index"));

    @Test
    void rebuilding_the_read_side_yields_exactly_the_live_read_side() throws Exception {
        givenPlan("RB", 2026);
        ok(post("/api/rf-uppdrag", """
                {"year": 2026, "nr": 938, "text": "Att fortsätta arbetet för en ekonomi i balans.", "givenTo": ["RB"]}"""));
        ok(post("/api/sources", """
                {"documentId": "RB-VP-2026", "title": "Verksamhetsplan med budget 2026", "namnd": "RB", "year": 2026,
                 "kind": "VERKSAMHETSPLAN_MED_BUDGET", "diarienummer": "25RB0001"}"""));
        ok(send(HttpMethod.POST, "/api/plans/RB-2026/goals", """
                {"goalId": "m10", "kind": "MALSATTNING", "origin": "RF", "numbering": "10",
                 "title": "En långsiktig stark och hållbar ekonomi med finansiell god hushållning."}""",
                Map.of("X-Source", "document=RB-VP-2026; section=M%C3%A5ls%C3%A4ttning%2010; page=9; basis=PRINTED")));
        ok(post("/api/plans/RB-2026/rf-uppdrag", """
                {"year": 2026, "nr": 938, "goalId": "m10"}"""));
        ok(post("/api/plans/RB-2026/styrtal", """
                {"styrtalId": "resultat", "goalId": "m10", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Regionstyrelsens resultat ska vara positiv.", "unit": "mnkr",
                 "senastKanda": {"value": "83,5 mnkr", "period": "prognos 2025"}, "arsMalvarde": ">0",
                 "langsiktigtMalvarde": ">0"}"""));
        // the year before, and the 2026 plan's recorded continuity with it
        ok(post("/api/plans", """
                {"namnd": "RB", "year": 2025, "title": "Verksamhetsplan med budget 2025"}"""));
        ok(post("/api/plans/RB-2025/goals", """
                {"goalId": "m9", "kind": "MALSATTNING", "origin": "RF", "numbering": "9",
                 "title": "En långsiktig stark och hållbar ekonomi med finansiell god hushållning."}"""));
        ok(post("/api/plans/RB-2025/styrtal", """
                {"styrtalId": "avvikelse", "goalId": "m9", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Regionstyrelsens budgetavvikelse ska vara positiv."}"""));
        ok(send(HttpMethod.PUT, "/api/plans/RB-2026/continuity/GOAL/m10", """
                {"previousItemId": "m9"}""", Map.of()));
        ok(send(HttpMethod.PUT, "/api/plans/RB-2026/continuity/STYRTAL/resultat", """
                {"newItem": true}""", Map.of()));
        ok(post("/api/plans/RB-2026/continuity/dropped", """
                {"kind": "STYRTAL", "previousItemId": "avvikelse", "reason": "Resultatet följs i stället"}"""));
        ok(post("/api/utfall", """
                {"namnd": "RB", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "81 %", "period": "april 2026"}, "source": "Nationella väntetidsdatabasen",
                 "comment": "Levererad\\tsent.\\nSe C:\\\\leveranser\\\\april."}"""));
        ok(post("/api/utfall/corrections", """
                {"namnd": "RB", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "80 %", "period": "april 2026"}, "reason": "Rättad leverans"}"""));
        ok(send(org.springframework.http.HttpMethod.PUT, "/api/plans/RB-2026/figure-tables/bidrag", """
                {"kind": "BIDRAG", "title": "Bidrag, belopp i kr", "unit": "kr",
                 "columns": [{"key": "b2025", "label": "Belopp 2025", "year": 2025, "basis": "BELOPP"},
                             {"key": "b2026", "label": "Belopp 2026", "year": 2026, "basis": "BELOPP"}],
                 "rows": [{"key": "finsam", "label": "Finsamförbunden i Örebro län",
                           "cells": [{"column": "b2025", "value": "4 340 000"},
                                     {"column": "b2026", "value": {"form": "NOT_DECIDED",
                                                                   "written": "Belopp ännu ej fastställt"}}]}]}""",
                Map.of()));
        long version = ok(post("/api/plans/RB-2026/adoption", """
                {"beslut": {"organ": "Regionstyrelsen", "datum": "2025-12-10", "paragraf": "§ 250",
                            "diarienummer": "25RS0001"}}""")).getBody().get("version").asLong();
        ok(post("/api/ik-plans", """
                {"namnd": "RB", "year": 2026}"""));
        ok(post("/api/ik-plans/IK-RB-2026/risks", """
                {"riskId": "lon", "verksamhet": "HR", "krav": ["C", "D"],
                 "riskvardering": {"sannolikhet": 2, "konsekvens": 4},
                 "text": "Risken att lönehantering och löneutbetalningsprocessen inte är ändamålsenlig."}"""));
        ok(post("/api/ik-plans/IK-RB-2026/atgarder", """
                {"atgardId": "lon-a1", "riskId": "lon",
                 "text": "Genomgång och kvalitetssäkring av processerna inom lönehanteringsområdet."}"""));
        ok(post("/api/ik-plans/IK-RB-2026/adoption", """
                {"beslut": {"organ": "Regionstyrelsen", "datum": "2025-12-10", "paragraf": "§ 250",
                            "diarienummer": "25RS0001"}}"""));
        ok(post("/api/ik-plans/IK-RB-2026/atgarder/lon-a1/status", """
                {"status": "PAGAENDE", "datum": "2026-02-01", "comment": "Genomgången har börjat."}"""));
        ok(post("/api/followups", """
                {"namnd": "RB", "kind": "VERKSAMHETSBERATTELSE", "period": "2026"}"""));
        ok(send(HttpMethod.POST, "/api/followups/RB-VERKSAMHETSBERATTELSE-2026/assessments", """
                {"itemId": "m10", "colour": "GRON", "comment": "Positivt resultat."}""",
                Map.of("X-Source", "document=RB-VP-2026; basis=DERIVED; rule=gr%C3%B6n%20vid%20positivt%20resultat")));
        ok(post("/api/isk-bedomningar", """
                {"namnd": "RB", "year": 2026, "tillracklig": true,
                 "motivation": "Ändamålsenligt utformad.\\n\\tSe bilaga C:\\\\IK\\\\2026."}"""));
        get("/api/plans/RB-2026?minVersion=" + version);
        awaitGet("/api/plans/RB-2025", plan -> plan.at("/goals/0/styrtal").size() == 1);
        await("SELECT count(*) FROM isk_view WHERE isk_id = 'ISK-RB-2026'");
        await("SELECT count(*) FROM ik_plan_view WHERE ik_plan_id = 'IK-RB-2026' AND version = 4");
        await("SELECT count(*) FROM followup_view WHERE occasion_id = 'RB-VERKSAMHETSBERATTELSE-2026' AND version = 1");
        await("SELECT count(*) FROM overview_row WHERE row_view = 'IK' AND row_key = 'RB' AND valid_to IS NULL "
                + "AND row ->> 'iskMade' = 'true'");
        await("SELECT count(*) FROM rf_uppdrag_view WHERE rf_uppdrag_id = 'RF-2026-938'");
        await("SELECT count(*) FROM utfall_version WHERE namnd_code = 'RB' AND valid_to IS NULL "
                + "AND json_array_length(corrections) > 0");
        // One audit row per stored event, whichever test wrote it.
        await("SELECT CASE WHEN (SELECT count(*) FROM audit_entry) = (SELECT count(*) FROM domain_event_entry) "
                + "THEN 1 ELSE 0 END");

        Map<String, List<String>> live = snapshot();
        CompletableFuture<ResponseEntity<JsonNode>> rebuild = CompletableFuture.supplyAsync(() -> send(HttpMethod.POST, "/api/admin/read-model/rebuild", "", Map.of()));
        // Meanwhile a view answers 503 (retry), never what the replay has reached so far, and a second rebuild is
        // refused rather than queued.
        while (rebuilder.rebuildingSince().isEmpty() && !rebuild.isDone()) {
            Thread.onSpinWait();
        }
        ResponseEntity<JsonNode> second = send(HttpMethod.POST, "/api/admin/read-model/rebuild", "", Map.of());
        ResponseEntity<JsonNode> during = http.getForEntity("/api/plans/RB-2026", JsonNode.class);
        ok(rebuild.join());
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("field").asText()).isEqualTo("rebuild");
        assertThat(during.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(during.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(during.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/plans/RB-2026").at("/planId").asText()).isEqualTo("RB-2026");
        Map<String, List<String>> rebuilt = snapshot();

        assertThat(live.get("plan_view")).isNotEmpty();
        assertThat(live.get("rf_uppdrag_view")).isNotEmpty();
        assertThat(live.get("source_document_view")).anyMatch(row -> row.contains("RB-VP-2026"));
        assertThat(live.get("followup_view")).anyMatch(row -> row.contains("\"rule\": \"grön vid positivt resultat\""));
        assertThat(live.get("audit_entry")).anyMatch(row -> row.contains("\"document\": \"RB-VP-2026\""));
        assertThat(live.get("utfall_version")).filteredOn(row -> row.contains("UTFALL-RB-2026")).hasSize(2);
        // text a replay writes with COPY, whose text format escapes these: the same as written by INSERT
        assertThat(live.get("utfall_version")).anyMatch(row -> row.contains("Levererad\\tsent.\\nSe C:\\\\"));
        assertThat(live.get("ik_plan_view")).isNotEmpty();
        assertThat(live.get("isk_view")).isNotEmpty();
        assertThat(live.get("overview_row")).anyMatch(row -> row.contains("\"gron\": 1"));
        assertThat(live.get("audit_entry")).hasSize((int) eventCount());
        assertThat(rebuilt).isEqualTo(live);
        // the indexes the replay dropped meanwhile are all there again
        assertThat(rebuilt.get("indexes")).contains(
                "CREATE INDEX audit_entry_item ON public.audit_entry USING btree (item_key, global_index)");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM suspended_index", Long.class)).isZero();
        assertThat(get("/api/plans/RB-2026").at("/goals/0/uppdrag/0/text").asText())
                .isEqualTo("Att fortsätta arbetet för en ekonomi i balans.");
        assertThat(get("/api/plans/RB/2026/year-over-year").at("/styrtal/1/change").asText()).isEqualTo("DROPPED");
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        READ_TABLES.forEach((table, key) -> tables.put(table, jdbc.queryForList(
                "SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY " + key, String.class)));
        tables.put("indexes", jdbc.queryForList("SELECT indexdef FROM pg_indexes "
                + "WHERE schemaname = current_schema() ORDER BY indexname", String.class));
        return tables;
    }

    private void await(String countQuery) {
        for (int i = 0; i < 100; i++) {
            if (jdbc.queryForObject(countQuery, Long.class) > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the read side never showed: " + countQuery);
    }
}
