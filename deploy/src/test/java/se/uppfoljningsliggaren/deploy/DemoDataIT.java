package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.uppfoljningsliggaren.deploy.demo.DemoDataLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plans load through the write API without a single refusal, and a second load appends nothing. */
class DemoDataIT extends LedgerIntegrationTest {

    /**
     * How many times the event store's size the four history tables may take, together: a checkpoint plus patches
     * since (about 1.05 on the demo); a document per event, as before, took about 20 times.
     */
    private static final long HISTORY_BOUND = 2;

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    se.uppfoljningsliggaren.deploy.security.LedgerSecurityProperties security;

    /** The demo users as configured, so the demo is written by them. */
    private java.util.Map<String, String> demoPasswords() {
        java.util.Map<String, String> passwords = new java.util.HashMap<>();
        security.users().forEach((name, user) -> passwords.put(name, user.password()));
        return passwords;
    }

    private long[] demoWrites;

    private long lastPosition() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    @Test
    void the_demo_plans_load_once_and_show_the_printed_figures() throws Exception {
        long before = lastPosition();
        DemoDataLoader.Report first = new DemoDataLoader("http://localhost:" + port, json, demoPasswords()).load();
        assertThat(first.failures()).isEmpty();
        assertThat(first.written()).isGreaterThan(100);
        // the tests share the store, some as the demo's people: the demo's writes are the positions it appended
        demoWrites = new long[]{before, lastPosition()};

        long events = eventCount();
        DemoDataLoader.Report second = new DemoDataLoader("http://localhost:" + port, json, demoPasswords()).load();
        assertThat(second.failures()).isEmpty();
        assertThat(second.written()).isZero();
        assertThat(eventCount()).isEqualTo(events);

        JsonNode plan = awaitFastställd("RS-2026");
        List<JsonNode> styrtal = new ArrayList<>();
        plan.get("goals").forEach(goal -> goal.get("styrtal").forEach(styrtal::add));

        JsonNode telefon = styrtal.stream().filter(s -> s.get("text").asText().startsWith("Telefontillgängligheten"))
                .findFirst().orElseThrow();
        assertThat(telefon.at("/senastKanda/value/written").asText()).isEqualTo("82 %");
        assertThat(telefon.at("/senastKanda/period/label").asText()).isEqualTo("maj 2025");
        assertThat(telefon.at("/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(telefon.at("/langsiktigtMalvarde/written").asText()).isEqualTo("95 %");

        JsonNode hme = styrtal.stream().filter(s -> s.get("text").asText().contains("HME")).findFirst().orElseThrow();
        assertThat(hme.at("/arsMalvarde/written").asText()).isEqualTo("77–80");
        assertThat(hme.at("/arsMalvarde/form").asText()).isEqualTo("INTERVAL");
        assertThat(hme.get("breakdowns").findValuesAsText("label")).contains("Regionkansliet", "Region Örebro län");

        JsonNode usage = get("/api/indikatorer/" + telefon.get("indikatorId").asText());
        assertThat(usage.get("uses").findValuesAsText("planId")).contains("RS-2025", "RS-2026");

        theFullYearFollowUpOf2024AgreesWithTheVerksamhetsberattelse();
        theYearOverYearViewIsBuiltFromRecordedContinuity();
        theOverviewAnswersForEveryNamndInOneRequest();
        theInternalControlOf2024AgreesWithTheVerksamhetsberattelse();
        theIkPlansOf2026And2023AreLoadedWithTheRegionovergripandeRowsMergedIn();
        theHistoryTablesStayWithinTheEventStoresSize();
        noAdoptionShowsADateTheSourcesDoNotPrint();
        theTablesOfFiguresAreShownAsPrinted();
        theIkPlanOf2025IsLoadedFromTheOcrTextAsPrinted();
        thePlanOf2023OfRegionalTillvaxtnamndIsLoadedAsPrinted();
        theBudgetAmountsAreShownAsPrinted(plan);
        everyDemoWriteNamesItsSourceAndWhatIsNotPrintedSaysSo();
    }

    /** 000's driftbudget: "Hälsovalsenheten, varav -2 314,7 -2 208,8 -2 246,6"; every demo cell keeps its print. */
    private void theBudgetAmountsAreShownAsPrinted(JsonNode rs2026) throws Exception {
        // 004 §6.3 prints under the resultatbudget that it is preliminary: the table says so too
        JsonNode sn = awaitFastställd("SN-2026");
        JsonNode resultat = find(sn.at("/budget/tables"), t -> t.get("tableId").asText().equals("resultat"));
        assertThat(resultat.get("notes").toString()).contains("Budget för 2026 är preliminärt beräknad.");
        JsonNode drift = find(rs2026.at("/budget/tables"), t -> t.get("tableId").asText().equals("drift"));
        JsonNode halsoval = find(drift.get("lines"), l -> l.get("label").asText().equals("Hälsovalsenheten, varav"));
        assertThat(halsoval.at("/printed/budget/written").asText()).isEqualTo("-2 314,7");
        assertThat(halsoval.at("/amounts/budget").decimalValue()).isEqualByComparingTo("-2314.7");
        assertThat(halsoval.at("/printed/prognos-prev/written").asText()).isEqualTo("-2 208,8");
        assertThat(halsoval.at("/printed/budget-prev/written").asText()).isEqualTo("-2 246,6");

        JsonNode source = json.readTree(getClass().getResourceAsStream("/demo/plans/rs-2026.json"));
        int cells = 0;
        for (JsonNode table : source.get("budget")) {
            JsonNode shown = find(rs2026.at("/budget/tables"), t -> t.get("tableId").asText()
                    .equals(table.get("key").asText()));
            for (JsonNode line : table.get("lines")) {
                JsonNode printed = find(shown.get("lines"), l -> l.get("lineId").asText()
                        .equals(table.get("key").asText() + "." + line.get("key").asText())).get("printed");
                for (var cell : (Iterable<Map.Entry<String, JsonNode>>) line.get("amounts")::fields) {
                    // a cell is the amount as printed, or an object for one printed in words or as a dash
                    String written = cell.getValue().isTextual() ? cell.getValue().asText()
                            : cell.getValue().get("written").asText();
                    assertThat(printed.at("/" + cell.getKey() + "/written").asText()).as(line.get("label").asText())
                            .isEqualTo(written);
                    cells++;
                }
            }
        }
        assertThat(cells).isGreaterThan(30);

        JsonNode resultatrapport = awaitFollowUp("RS-VERKSAMHETSBERATTELSE-2024").get("resultatrapport");
        assertThat(resultatrapport.path("budgetVersion").isTextual())
                .as("001 does not say which budget it compares against").isFalse();
        JsonNode rows = resultatrapport.get("lines");
        JsonNode hv = find(rows, l -> l.get("lineId").asText().equals("hv"));
        assertThat(hv.at("/printed/utfall/written").asText()).isEqualTo("-2 077,9");
        assertThat(hv.at("/printed/budget/written").asText()).isEqualTo("-2 152,3");
        assertThat(hv.at("/printed/utfallPreviousYear/written").asText()).isEqualTo("-2 027,0");
        assertThat(hv.at("/printed/budgetavvikelse/written").asText()).isEqualTo("74,4");
        assertThat(hv.get("budgetavvikelse").decimalValue()).as("computed beside the print").isEqualByComparingTo("74.4");
        JsonNode ovrigt = find(rows, l -> l.get("lineId").asText().equals("ovrigt"));
        assertThat(ovrigt.path("utfall").isNumber()).as("a row printed without figures has none").isFalse();
        assertThat(ovrigt.at("/printed/utfall").isMissingNode()).isTrue();
    }

    /**
     * Every demo write gives its source document; the query for what no source prints lists the reconstructed and
     * derived items with their words or rule, and each document's view holds what came from it in its order.
     */
    private void everyDemoWriteNamesItsSourceAndWhatIsNotPrintedSaysSo() {
        java.util.Map<String, JsonNode> notPrinted = new java.util.LinkedHashMap<>();
        String after = "0";
        do {
            JsonNode page = get("/api/provenance?basis=NOT_PRINTED&limit=500&after=" + after);
            page.get("facts").forEach(fact -> {
                long position = fact.get("position").asLong();
                if (position > demoWrites[0] && position <= demoWrites[1]) {
                    notPrinted.put(fact.get("entityKey").asText() + " " + fact.get("eventType").asText(), fact);
                }
            });
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertThat(notPrinted.values()).allSatisfy(fact ->
                assertThat(fact.get("basis").asText()).as(fact.toString()).isIn("DERIVED", "RECONSTRUCTED"));

        // RS's plan 2024 is rebuilt from the verksamhetsberättelse 2024
        JsonNode plan2024 = notPrinted.get("goal:RS-2024:e1 GoalAdded");
        assertThat(plan2024.at("/provenance/document").asText()).isEqualTo("001");
        assertThat(plan2024.at("/provenance/words").asText()).contains("rekonstruerad ur verksamhetsberättelsen");
        // a verksamhetsmål RTN's plan prints beside, not under, an effektmål
        assertThat(notPrinted.get("goal:RTN-2023:e5-v1 GoalAdded").at("/provenance/words").asText())
                .contains("säger inte att det är en del av det");
        // a colour read from the comment, in the words it was read from
        JsonNode colour = notPrinted.get("assessment:RS-VERKSAMHETSBERATTELSE-2024:e3 ItemAssessed");
        assertThat(colour.get("basis").asText()).isEqualTo("RECONSTRUCTED");
        assertThat(colour.at("/provenance/words").asText()).contains("kariesskador");
        // an indikator status worked out by the rule the file names; a printed "Helt" is not listed
        JsonNode status = notPrinted.get("assessment:RS-VERKSAMHETSBERATTELSE-2024:e1-s3 IndikatorAssessed");
        assertThat(status.get("basis").asText()).isEqualTo("DERIVED");
        assertThat(status.at("/provenance/rule").asText()).contains("mot tryckt målvärde och riktning");
        assertThat(notPrinted).doesNotContainKey("assessment:RS-VERKSAMHETSBERATTELSE-2024:e3-s1 IndikatorAssessed");
        // a continuity link no document prints, an IK status read from the comment
        assertThat(notPrinted.get("goal:RS-2026:m1 ItemContinued").at("/provenance/words").asText())
                .isEqualTo("same wording in 002 and 000");
        assertThat(notPrinted.get("atgard:IK-RS-2024:region:sam-a1 IkAtgardStatusChanged").get("basis").asText())
                .isEqualTo("RECONSTRUCTED");
        // an RF uppdrag whose printed text the loader linked to the year before's
        assertThat(notPrinted.get("rf-uppdrag:RF-2026-61 RfUppdragIssued").at("/provenance/words").asText())
                .contains("continuesFrom");
        assertThat(notPrinted).doesNotContainKey("rf-uppdrag:RF-2026-3 RfUppdragIssued");
        // a cell of 002's OCR text read otherwise than the text stands, in the words of the text
        assertThat(notPrinted.get("budget-line:RS-2025:drift.summa BudgetLineAdded").at("/provenance/words").asText())
                .contains("-2777,8");
        // a direction no document prints is not recorded (000 prints "Telefontillgängligheten …, inom 0 dagar")
        JsonNode telefon = find(get("/api/plans/RS-2026").at("/goals/0/styrtal"),
                s -> s.get("styrtalId").asText().equals("m1-s1"));
        assertThat(telefon.path("direction").isTextual()).isFalse();
        // an adoption whose beslut the document does not print
        assertThat(notPrinted).containsKey("plan:RS-2026 PlanAdopted");
        JsonNode plan2026 = get("/api/plans/RS-2026");
        // a goal's description that summarises the document says so, quoting the document's opening words
        assertThat(plan2026.at("/provenance/goal:RS-2026:m1/basis").asText()).isEqualTo("RECONSTRUCTED");
        assertThat(notPrinted.get("goal:RS-2026:m1 GoalAdded").at("/provenance/words").asText())
                .contains("sammanfattning av 000 §3.1", "”Regionstyrelsen ansvarar för att tillgodose");
        assertThat(plan2026.at("/provenance/goal:RS-2026:m1#continuity/basis").asText()).isEqualTo("RECONSTRUCTED");
        // a placement the document does not make says so
        assertThat(get("/api/plans/RS-2024").at("/provenance/goal:RS-2024:n1/words").asText())
                .contains("knyter inte målet till något effektmål");

        // every view shows where its items come from
        JsonNode report = get("/api/followups/RS-VERKSAMHETSBERATTELSE-2024");
        assertThat(report.at("/provenance/assessment:RS-VERKSAMHETSBERATTELSE-2024:e3/basis").asText())
                .isEqualTo("RECONSTRUCTED");
        assertThat(report.at("/provenance/occasion:RS-VERKSAMHETSBERATTELSE-2024#resultatrapport/section").asText())
                .isEqualTo("§4.1");
        JsonNode ik2024 = get("/api/ik-plans/IK-RS-2024");
        assertThat(ik2024.at("/provenance/atgard:IK-RS-2024:region:sam-a1#status/words").asText())
                .contains("mycket positiv utveckling");
        assertThat(ik2024.at("/provenance/atgard:IK-RS-2024:region:sam-a1#effect/basis").asText())
                .isEqualTo("PRINTED");
        assertThat(get("/api/isk-bedomningar/RS/2024").at("/provenance/isk:ISK-RS-2024/document").asText())
                .isEqualTo("001");

        JsonNode printed = get("/api/provenance?basis=PRINTED&document=004&limit=500");
        assertThat(printed.get("facts").findValuesAsText("entityKey")).contains("plan:SN-2026");
        JsonNode sources = get("/api/sources");
        assertThat(sources.findValuesAsText("documentId")).contains("000", "001", "002", "003", "004");
        // none of the demo's documents prints its diarienummer (other tests register their own documents)
        sources.forEach(document -> {
            if (document.get("documentId").asText().matches("00[0-4]")) {
                assertThat(document.get("diarienummer").isNull()).isTrue();
                assertThat(document.get("notGivenInSource").toString()).isEqualTo("[\"DIARIENUMMER\"]");
            }
        });

        // the document view of 002: what the ledger holds from it, by page, each with section and basis
        JsonNode contents = get("/api/sources/002");
        assertThat(contents.at("/document/title").asText()).isEqualTo("Regionstyrelsens verksamhetsplan med budget 2025");
        List<JsonNode> items = new ArrayList<>();
        contents.get("items").forEach(items::add);
        assertThat(items).extracting(i -> i.get("entityKey").asText()).contains("plan:RS-2025", "goal:RS-2025:m1");
        List<Integer> pages = items.stream().filter(i -> !i.get("page").isNull()).map(i -> i.get("page").asInt())
                .toList();
        assertThat(pages).isNotEmpty().isSorted();
        // where 002 gives no page, its sections order what came from it: §1.3, §4.2, §4.3, §6.1
        List<String> keys = items.stream().map(i -> i.get("entityKey").asText()).toList();
        assertThat(List.of("uppdrag:RS-2025:rd-u1", "figure-table:RS-2025:budgetforutsattningar",
                "budget-table:RS-2025:drift", "ik-plan:IK-RS-2025")).extracting(keys::indexOf).isSorted()
                .doesNotContain(-1);
        JsonNode goal = items.stream().filter(i -> i.get("entityKey").asText().equals("goal:RS-2025:m1"))
                .findFirst().orElseThrow();
        assertThat(goal.get("summary").asText()).isNotBlank();
        // its description summarises 002's text, so the goal is not listed as printed
        assertThat(goal.get("basis").asText()).isEqualTo("RECONSTRUCTED");
        // 002 prints "Betyg vid digitala möten" as one styrtal; the ledger's two say so, in the row's words
        assertThat(notPrinted.get("styrtal:RS-2025:m6-s3 StyrtalAdded").at("/provenance/words").asText())
                .contains("Betyg: personal 3,8 | personal 3,8 | personal 3,9");
        // 003 marks only the åtgärder regionövergripande, never the risks
        assertThat(notPrinted.get("risk:IK-REGION-2023:sam IkRiskAdded").at("/provenance/words").asText())
                .contains("”Regionövergripande åtgärd:”");
        // the grundersättning 000 gives in prose, set out as a table
        assertThat(notPrinted.get("figure-table:RS-2026:grundersattning FigureTableRecorded").at("/provenance/words")
                .asText()).contains("2 331,50 kr");
    }

    /**
     * None of the demo documents prints the date, § or diarienummer of its own adoption: every fastställd plan,
     * follow-up, IK-plan and ISK-bedömning shows its beslut with those parts unknown and says so.
     */
    private void noAdoptionShowsADateTheSourcesDoNotPrint() {
        List<JsonNode> adoptions = new ArrayList<>();
        for (String namnd : List.of("RS", "SN", "RTN")) { // the demo's nämnder (other tests add their own)
            get("/api/plans?status=FASTSTALLD&namnd=" + namnd).forEach(plan -> adoptions.add(plan.get("adoptedBy")));
        }
        adoptions.add(get("/api/followups/RS-VERKSAMHETSBERATTELSE-2024").get("adoptedBy"));
        adoptions.add(get("/api/ik-plans/IK-RS-2026").get("adoptedBy"));
        adoptions.add(get("/api/isk-bedomningar/RS/2024").get("adoptedBy"));
        assertThat(adoptions).hasSizeGreaterThan(4).allSatisfy(beslut -> {
            assertThat(beslut.get("organ").asText()).isNotBlank();
            assertThat(beslut.get("datum").isNull()).as(beslut.toString()).isTrue();
            assertThat(beslut.get("paragraf").isNull()).isTrue();
            assertThat(beslut.get("diarienummer").isNull()).isTrue();
            assertThat(beslut.get("notGivenInSource").toString()).isEqualTo("[\"DATUM\",\"PARAGRAF\",\"DIARIENUMMER\"]");
        });
    }

    /**
     * The as-of history of the demo is measured against the event store it is built from (the figures in
     * docs/design.md come from this log line).
     */
    private void theHistoryTablesStayWithinTheEventStoresSize() throws InterruptedException {
        String sizes = """
                SELECT (SELECT count(*) FROM domain_event_entry) AS events,
                       pg_total_relation_size('domain_event_entry') AS event_store,
                       pg_total_relation_size('plan_view_history') AS plan_history,
                       pg_total_relation_size('followup_view_history') AS followup_history,
                       pg_total_relation_size('ik_plan_view_history') AS ik_plan_history,
                       pg_total_relation_size('isk_view_history') AS isk_history,
                       (SELECT count(*) FROM plan_view_history) + (SELECT count(*) FROM followup_view_history)
                       + (SELECT count(*) FROM ik_plan_view_history) + (SELECT count(*) FROM isk_view_history) AS rows
                """;
        java.util.Map<String, Object> measured = jdbc.queryForMap(sizes);
        for (int i = 0; i < 100; i++) { // until the projections have caught up with the load
            Thread.sleep(200);
            java.util.Map<String, Object> again = jdbc.queryForMap(sizes);
            if (again.get("rows").equals(measured.get("rows"))) {
                break;
            }
            measured = again;
        }
        System.out.println("HISTORY-SIZES " + measured);
        long history = ((Number) measured.get("plan_history")).longValue()
                + ((Number) measured.get("followup_history")).longValue()
                + ((Number) measured.get("ik_plan_history")).longValue()
                + ((Number) measured.get("isk_history")).longValue();
        assertThat(history).isLessThan(((Number) measured.get("event_store")).longValue() * HISTORY_BOUND);    }

    /** 001 §7.2–7.3: 10 risks, 14 åtgärder, the communication åtgärd ej genomförd, the ISK-bedömning tillräcklig. */
    private void theInternalControlOf2024AgreesWithTheVerksamhetsberattelse() throws Exception {
        JsonNode followUp = awaitGet("/api/followups/RS-VERKSAMHETSBERATTELSE-2024/internkontroll",
                f -> f.at("/counts/avslutad").asInt() == 13);
        assertThat(followUp.get("statusPer").asText()).isEqualTo("2024-12-31");
        assertThat(followUp.get("risks")).hasSize(10);
        List<JsonNode> atgarder = new ArrayList<>();
        followUp.get("risks").forEach(risk -> risk.get("atgarder").forEach(atgarder::add));
        assertThat(atgarder).hasSize(14);
        assertThat(followUp.at("/counts/ejGenomford").asInt()).isEqualTo(1);

        JsonNode kommunikation = atgarder.stream()
                .filter(a -> a.get("atgard").asText().startsWith("Identifiera och planera för lägen")).findFirst()
                .orElseThrow();
        assertThat(kommunikation.get("status").asText()).isEqualTo("EJ_GENOMFORD");
        assertThat(kommunikation.get("statusComment").asText()).contains("har inte genomförts helt enligt plan");
        assertThat(kommunikation.get("effekt").isNull()).isTrue();
        List<JsonNode> others = atgarder.stream().filter(a -> a != kommunikation).toList();
        assertThat(others).allSatisfy(a -> assertThat(a.get("status").asText()).isEqualTo("AVSLUTAD"));
        assertThat(others).allSatisfy(a -> assertThat(a.get("effekt").asText()).isIn("JA", "DELVIS"));
        List<JsonNode> delvis = others.stream().filter(a -> a.get("effekt").asText().equals("DELVIS")).toList();
        assertThat(delvis).hasSize(1);
        JsonNode intressenter = delvis.get(0);
        assertThat(intressenter.get("atgard").asText()).startsWith("Involvera intressenter");
        assertThat(intressenter.get("effektComment").asText()).startsWith("Ja delvis");
        // 001 prints no date per åtgärd and no status comment beside the answers: none is made up
        assertThat(others).allSatisfy(a -> assertThat(a.get("statusComment").isNull()).isTrue());
        JsonNode ikPlan = get("/api/ik-plans/IK-RS-2024");
        List<JsonNode> reported = new ArrayList<>();
        ikPlan.get("risks").forEach(risk -> risk.get("atgarder").forEach(reported::add));
        assertThat(reported).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("statusDatum").isNull()).isTrue();
            assertThat(a.get("statusReportedIn").asText()).isEqualTo("RS-VERKSAMHETSBERATTELSE-2024");
        });

        JsonNode isk = awaitGet("/api/isk-bedomningar/RS/2024", i -> "FASTSTALLD".equals(i.get("status").asText()));
        assertThat(isk.at("/bedomning/tillracklig").asBoolean()).isTrue();
        assertThat(isk.at("/bedomning/motivation").asText())
                .contains("Därmed bedöms att den interna styrningen och kontrollen är tillräcklig.");
        JsonNode kravA = isk.at("/underlag/kravA");
        assertRow(kravA.get(0), "Mål från regionfullmäktige", 8, 4, 1, 2, 1);
        assertRow(kravA.get(2), "Nämndens uppdrag", 13, 7, 5, 1, 0);
        assertThat(isk.at("/underlag/kravBBudgetavvikelse").decimalValue()).isEqualByComparingTo("88.5");
        assertThat(isk.at("/underlag/kravBBudgetavvikelsePrinted/written").asText()).isEqualTo("88,5");
        assertThat(isk.at("/underlag/kravCtoE/counts/avslutad").asInt()).isEqualTo(13);

        // the overviews have a processor of their own: it may show the year a moment after the other views
        JsonNode overview = awaitGet("/api/internkontroll/overview?year=2024",
                o -> o.toString().contains("\"iskFaststalld\":true"));
        JsonNode rs = find(overview.get("namnder"), row -> row.get("namnd").asText().equals("RS"));
        assertThat(rs.at("/counts/avslutad").asInt()).isEqualTo(13);
        assertThat(rs.at("/counts/ejGenomford").asInt()).isEqualTo(1);
        assertThat(rs.get("ejGenomforda")).hasSize(1);
        assertThat(rs.get("iskTillracklig").asBoolean()).isTrue();
        assertThat(rs.get("iskFaststalld").asBoolean()).isTrue();
        JsonNode followUpRow = find(awaitGet("/api/followups/overview?year=2024",
                        o -> o.toString().contains("\"iskFaststalld\":true")).get("namnder"),
                row -> row.get("namnd").asText().equals("RS"));
        assertThat(followUpRow.at("/internkontroll/iskTillracklig").asBoolean()).isTrue();
    }

    /** 000, 004 and 003: every nämnd's IK-plan shows the regionövergripande SAM risk of its year first. */
    private void theIkPlansOf2026And2023AreLoadedWithTheRegionovergripandeRowsMergedIn() throws Exception {
        for (String ikPlanId : List.of("IK-RS-2026", "IK-SN-2026", "IK-RTN-2023")) {
            JsonNode plan = awaitGet("/api/ik-plans/" + ikPlanId, p -> "FASTSTALLD".equals(p.get("status").asText()));
            assertThat(plan.at("/risks/0/regionovergripande").asBoolean()).as(ikPlanId).isTrue();
            assertThat(plan.at("/risks/0/text").asText()).as(ikPlanId).contains("SAM");
            assertThat(plan.get("risks").size()).as(ikPlanId).isGreaterThan(3);
        }
    }

    private void theOverviewAnswersForEveryNamndInOneRequest() throws Exception {
        JsonNode overview = awaitGet("/api/followups/overview?year=2024",
                o -> o.toString().contains("\"faststalld\":true"));
        JsonNode rs = find(overview.get("namnder"), row -> row.get("namnd").asText().equals("RS"));
        assertThat(rs.get("faststalld").asBoolean()).isTrue();
        assertThat(rs.get("budgetavvikelse").decimalValue()).isEqualByComparingTo("88.5");
        assertThat(rs.get("budgetavvikelseLine").asText()).startsWith("Totalt");
        assertThat(rs.at("/budgetavvikelsePrinted/written").asText()).isEqualTo("88,5");
        assertThat(rs.get("followUpsFaststallda").asInt()).isEqualTo(1);
        assertThat(rs.at("/summary/0/rod").asInt()).isEqualTo(2);
        assertThat(rs.get("reportLink").asText()).isEqualTo("/api/followups/RS-VERKSAMHETSBERATTELSE-2024");
        JsonNode sn = find(overview.get("namnder"), row -> row.get("namnd").asText().equals("SN"));
        assertThat(sn.get("occasionId").isNull()).isTrue();
        assertThat(sn.get("followUpsThisYear").asInt()).isZero();
    }

    /** 001's summary table, red items, effektmål 2 not assessed, and its resultatrapport to the tenth of a million. */
    private void theFullYearFollowUpOf2024AgreesWithTheVerksamhetsberattelse() throws Exception {
        JsonNode report = awaitFollowUp("RS-VERKSAMHETSBERATTELSE-2024");
        JsonNode summary = report.get("summary");
        assertRow(summary.get(0), "Mål från regionfullmäktige", 8, 4, 1, 2, 1);
        assertRow(summary.get(1), "Nämndens mål", 2, 1, 1, 0, 0);
        assertRow(summary.get(2), "Nämndens uppdrag", 13, 7, 5, 1, 0);
        List<String> red = new ArrayList<>();
        summary.forEach(row -> row.get("items").forEach(item -> {
            if ("ROD".equals(item.path("colour").asText())) {
                red.add(item.get("label").asText());
            }
        }));
        assertThat(red).hasSize(3).anyMatch(label -> label.startsWith("Uppdatera handlingsplan för påverkansarbete"));

        JsonNode printed = json.readTree(getClass().getResourceAsStream("/demo/followups/rs-2024-vb.json"))
                .at("/resultatrapport/lines");
        JsonNode computed = report.at("/resultatrapport/lines");
        assertThat(computed.size()).isEqualTo(printed.size());
        int checked = 0;
        for (int i = 0; i < printed.size(); i++) {
            if (printed.get(i).hasNonNull("printedAvvikelse")) {
                assertThat(computed.get(i).get("budgetavvikelse").decimalValue()).as(printed.get(i).get("label").asText())
                        .isEqualByComparingTo(mnkr(printed.get(i).get("printedAvvikelse").asText()));
                assertThat(computed.get(i).get("forandring").decimalValue()).as(printed.get(i).get("label").asText())
                        .isEqualByComparingTo(mnkr(printed.get(i).get("printedForandring").asText()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);

        // comments whole as 001 prints them: e8-s3's last paragraph was once cut
        assertThat(report.findValues("indikatorer").stream().flatMap(list -> java.util.stream.StreamSupport
                .stream(list.spliterator(), false)).filter(i -> i.path("styrtalId").asText().equals("e8-s3"))
                .map(i -> i.get("comment").asText()).findFirst().orElseThrow())
                .contains("59,89 procent av hushållen på landsbygden", "\n\nEn förtätning av fiberinfrastrukturen");
    }

    /** From the continuity recorded in rs-2026.json, never by number, title or indikator. */
    private void theYearOverYearViewIsBuiltFromRecordedContinuity() {
        JsonNode comparison = get("/api/plans/RS/2026/year-over-year");
        JsonNode forskning = find(comparison.get("goals"), g -> g.at("/current/title").asText().startsWith("Forskning och utbildning"));
        assertThat(forskning.get("change").asText()).isEqualTo("RENUMBERED");
        assertThat(forskning.at("/previous/numbering").asText()).isEqualTo("5");
        assertThat(forskning.at("/current/numbering").asText()).isEqualTo("6");
        // 002 printed two styrtal on one indikator: one goes on in 000, the other is recorded as not continued
        List<JsonNode> fortroende = new ArrayList<>();
        comparison.get("styrtal").forEach(s -> {
            if (s.at("/previous/indikatorId").asText().equals("fortroende-vardcentraler")) {
                fortroende.add(s);
            }
        });
        assertThat(fortroende).extracting(s -> s.get("change").asText() + " " + s.at("/previous/styrtalId").asText()
                + " " + s.at("/current/styrtalId").asText()).containsExactly("CHANGED m1-s3 m1-s2", "DROPPED m1-s4 ");
        assertThat(fortroende.get(1).get("reason").asText()).contains("m1-s3");
        JsonNode medicinsk = find(comparison.get("styrtal"),
                s -> s.at("/previous/indikatorId").asText().equals("medicinsk-bedomning-primarvard-3-dagar"));
        assertThat(medicinsk.get("change").asText()).isEqualTo("DROPPED");
        assertThat(medicinsk.at("/previous/text").asText()).containsIgnoringCase("medicinsk bedömning");
        JsonNode telefon = find(comparison.get("styrtal"),
                s -> s.at("/current/indikatorId").asText().equals("telefontillganglighet-primarvard"));
        assertThat(telefon.at("/previous/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(telefon.at("/current/arsMalvarde/written").asText()).isEqualTo("90 %");
        // reworded: the documents do not say it is the same målsättning, so nothing links it
        JsonNode kompetens = find(comparison.get("goals"), g -> g.at("/current/title").asText().contains("kompetensförsörjning"));
        assertThat(kompetens.get("change").asText()).isEqualTo("UNLINKED");
        assertThat(kompetens.get("previous").isNull()).isTrue();
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode node : array) {
            if (test.test(node)) {
                return node;
            }
        }
        throw new AssertionError("nothing matches in " + array);
    }

    private static void assertRow(JsonNode row, String category, int total, int gron, int gul, int rod, int notAssessed) {
        assertThat(row.get("category").asText()).isEqualTo(category);
        assertThat(List.of(row.get("total").asInt(), row.get("gron").asInt(), row.get("gul").asInt(),
                row.get("rod").asInt(), row.get("notAssessed").asInt())).as(category)
                .containsExactly(total, gron, gul, rod, notAssessed);
    }

    private static java.math.BigDecimal mnkr(String printed) {
        return new java.math.BigDecimal(printed.replace(" ", "").replace('\u2212', '-').replace(',', '.'));
    }

    private JsonNode awaitFollowUp(String occasionId) throws InterruptedException {
        return awaitGet("/api/followups/" + occasionId, report -> report.get("faststalld").asBoolean());
    }

    /** 003: perspektiv → effektmål → mål, styrtal in their older forms, uppdrag as marked, the budget with its Summa. */
    private void thePlanOf2023OfRegionalTillvaxtnamndIsLoadedAsPrinted() throws Exception {
        JsonNode plan = awaitFastställd("RTN-2023");
        assertThat(List.of(plan.at("/goals/0/title").asText(), plan.at("/goals/1/title").asText(),
                plan.at("/goals/2/title").asText())).containsExactly("Invånare och samhälle", "Process", "Resurs");
        JsonNode e5 = plan.at("/goals/0/children/0");
        assertThat(e5.get("kind").asText()).isEqualTo("EFFEKTMAL");
        assertThat(e5.get("numbering").asText()).isEqualTo("5");
        JsonNode gastnatter = find(e5.get("children"), g -> g.get("kind").asText().equals("TERRITORIELLT_MAL")
                && g.get("title").asText().contains("besöksnäringen")).at("/styrtal/0");
        assertThat(gastnatter.at("/arsMalvarde/written").asText()).isEqualTo("öka med 33 procent jämfört med 2016");
        assertThat(gastnatter.at("/arsMalvarde/form").asText()).isEqualTo("BASELINE_CHANGE");
        assertThat(gastnatter.at("/arsMalvarde/baselineYear").asInt()).isEqualTo(2016);
        JsonNode nystartade = e5.at("/styrtal/0");
        assertThat(nystartade.at("/arsMalvarde/form").asText()).isEqualTo("PROSE");
        assertThat(nystartade.at("/arsMalvarde/written").asText()).startsWith("högre än i jämförbara län");
        assertThat(e5.get("uppdrag").findValuesAsText("text"))
                .anyMatch(t -> t.startsWith("Nytt 2023: Att tillsammans med relevanta aktörer"))
                .filteredOn(t -> t.startsWith("Från 2022 fortsätter 2023:")).hasSize(7);
        JsonNode drift = find(plan.at("/budget/tables"), t -> t.get("tableId").asText().equals("drift"));
        JsonNode summa = find(drift.get("lines"), l -> l.get("label").asText().equals("Summa"));
        assertThat(summa.at("/amounts/budget-omsattning").decimalValue()).isEqualByComparingTo("275.8");
        assertThat(summa.at("/amounts/budget-budgetram").decimalValue()).isEqualByComparingTo("157.1");
        JsonNode takt = row(table(plan, "nyckeltal"), "lonekostnadsokningstakt");
        assertThat(cell(takt, "budget").get("written").asText()).isEqualTo("5,2%");
    }

    /** 002 §6.1: the SAM risk of 2025 merged in first, RS's 18 own risks in correct Swedish, figures as printed. */
    private void theIkPlanOf2025IsLoadedFromTheOcrTextAsPrinted() throws Exception {
        JsonNode plan = awaitGet("/api/ik-plans/IK-RS-2025", p -> "FASTSTALLD".equals(p.get("status").asText()));
        JsonNode risks = plan.get("risks");
        assertThat(risks).hasSize(19);
        assertThat(risks.get(0).get("regionovergripande").asBoolean()).isTrue();
        assertThat(risks.get(0).get("atgarder")).hasSize(3);
        assertThat(risks.get(0).at("/atgarder/0/text").asText())
                .startsWith("Varje chef ska hantera sina fördelade arbetsmiljöuppgifter");
        assertThat(risks.get(1).get("text").asText()).isEqualTo(
                "Risken att lönehantering och löneutbetalningsprocessen inte är helt tillfredsställande och ändamålsenlig.");
        JsonNode faktura = find(risks, r -> r.get("riskId").asText().equals("fakturaanteckning"));
        assertThat(faktura.at("/atgarder/0/text").asText()).contains("konto 4611, 4630, 6811-6899 och 7070");
        JsonNode privata = find(risks, r -> r.get("riskId").asText().equals("privata-utforare"));
        assertThat(privata.get("verksamhet").asText()).isEqualTo("Staben hälso- och sjukvård");
        assertThat(privata.get("text").asText()).contains("KL 3 kap 16 §");
    }

    /** 000 §4.2 bidrag, 004 §6.2 nyckeltal, 001 §5 personalekonomi: as printed, the undecided amount as words. */
    private void theTablesOfFiguresAreShownAsPrinted() throws Exception {
        JsonNode bidrag = table(awaitFastställd("RS-2026"), "bidrag");
        assertThat(bidrag.get("kind").asText()).isEqualTo("BIDRAG");
        assertThat(bidrag.get("rows")).hasSize(6);
        JsonNode finsam = row(bidrag, "finsam");
        assertThat(cell(finsam, "belopp-2025").get("written").asText()).isEqualTo("4 340 000");
        assertThat(cell(finsam, "belopp-2025").get("number").decimalValue()).isEqualByComparingTo("4340000");
        assertThat(cell(finsam, "belopp-2026").get("written").asText()).isEqualTo("Belopp ännu ej fastställt");
        assertThat(cell(finsam, "belopp-2026").get("form").asText()).isEqualTo("NOT_DECIDED");
        JsonNode funktionshinder = row(bidrag, "funktionshinderorganisationer");
        assertThat(funktionshinder.at("/cells/0/note").asText()).isEqualTo("1)");
        assertThat(bidrag.at("/notes/0").asText()).startsWith("1) Inklusive utökat föreningsbidrag");

        JsonNode nyckeltal = table(awaitFastställd("SN-2026"), "nyckeltal");
        JsonNode takt = row(nyckeltal, "lonekostnadsokningstakt");
        assertThat(takt.get("label").asText()).isEqualTo("Lönekostnadsökningstakt");
        assertThat(List.of("budget", "prognos-prev", "budget-prev").stream()
                .map(c -> cell(takt, c).get("written").asText()).toList()).containsExactly("4,9", "-4,9", "-5,7");
        assertThat(nyckeltal.get("unit").asText()).isEqualTo("Procent");

        JsonNode report = awaitGet("/api/followups/RS-VERKSAMHETSBERATTELSE-2024",
                r -> r.get("figureTables").size() == 8);
        // 001 §4.3 "Investeringar brutto, mnkr … Summa -12,7 11,5 0,0", §4.4's printed differences
        JsonNode investeringar = table(report, "investeringar");
        assertThat(investeringar.get("kind").asText()).isEqualTo("INVESTERING");
        assertThat(cell(row(investeringar, "summa"), "utfall-2024").get("written").asText()).isEqualTo("-12,7");
        JsonNode listade = table(report, "antal-listade-per-aldersgrupp");
        assertThat(cell(row(listade, "0-4"), "differens-procent").get("written").asText()).isEqualTo("-3,8 %");
        assertThat(cell(row(table(report, "handlingsplan"), "summa"), "utfall-2024").get("written").asText())
                .isEqualTo("35,3");
        // 000 §4.1 "Antal listade … 2025 oktober 239 569 14 725 47 505 21 463 308 537 67"
        JsonNode perAr = table(awaitFastställd("RS-2026"), "antal-listade-per-ar");
        assertThat(cell(row(perAr, "2025-10"), "forandring-per-ar").get("written").asText()).isEqualTo("67");
        assertThat(row(perAr, "2019-12").get("cells")).hasSize(5);
        JsonNode sjuk = table(report, "sjukfranvaro");
        JsonNode totalt = row(sjuk, "totalt");
        assertThat(List.of("2024-k", "2024-m", "2024-t", "2023-k", "2023-m", "2023-t").stream()
                .map(c -> cell(totalt, c).get("written").asText()).toList())
                .containsExactly("4,3", "0,8", "3,5", "2,3", "1,5", "2,1");
        JsonNode kvinnor2024 = sjuk.get("columns").get(0);
        assertThat(kvinnor2024.get("label").asText()).isEqualTo("Kvinnor");
        assertThat(kvinnor2024.get("group").asText()).isEqualTo("Utfall jan - dec 2024");
        assertThat(kvinnor2024.get("dimension").asText()).isEqualTo("SEX");
        assertThat(cell(row(table(report, "personalkostnader"), "lonekostnad-40-41"), "utfall").get("written")
                .asText()).isEqualTo("-83,8");
        assertThat(cell(row(table(report, "kostnadsanalys"), "totalt-40-41"), "utfall-prev").get("written")
                .asText()).isEqualTo("-86.0");
    }

    private static JsonNode table(JsonNode view, String tableId) {
        for (JsonNode table : view.get("figureTables")) {
            if (table.get("tableId").asText().equals(tableId)) {
                return table;
            }
        }
        throw new AssertionError("no table " + tableId + " in " + view.get("figureTables"));
    }

    private static JsonNode row(JsonNode table, String key) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + table.get("tableId"));
    }

    private static JsonNode cell(JsonNode row, String column) {
        for (JsonNode cell : row.get("cells")) {
            if (cell.get("column").asText().equals(column)) {
                return cell.get("value");
            }
        }
        throw new AssertionError("no cell " + column + " in row " + row.get("key"));
    }

    private JsonNode awaitFastställd(String planId) throws InterruptedException {
        return awaitGet("/api/plans/" + planId, plan -> "FASTSTALLD".equals(plan.get("status").asText()));
    }
}
