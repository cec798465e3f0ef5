package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.uppfoljningsliggaren.deploy.demo.DemoDataLoader;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo plans load through the write API without a single refusal, and a second load appends nothing. */
class DemoDataIT extends LedgerIntegrationTest {

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

    @Test
    void the_demo_plans_load_once_and_show_the_printed_figures() throws Exception {
        DemoDataLoader.Report first = new DemoDataLoader("http://localhost:" + port, json, demoPasswords()).load();
        assertThat(first.failures()).isEmpty();
        assertThat(first.written()).isGreaterThan(100);

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
    }

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

        JsonNode isk = awaitGet("/api/isk-bedomningar/RS/2024", i -> "FASTSTALLD".equals(i.get("status").asText()));
        assertThat(isk.at("/bedomning/tillracklig").asBoolean()).isTrue();
        assertThat(isk.at("/bedomning/motivation").asText())
                .contains("Därmed bedöms att den interna styrningen och kontrollen är tillräcklig.");
        JsonNode kravA = isk.at("/underlag/kravA");
        assertRow(kravA.get(0), "Mål från regionfullmäktige", 8, 4, 1, 2, 1);
        assertRow(kravA.get(2), "Nämndens uppdrag", 13, 7, 5, 1, 0);
        assertThat(isk.at("/underlag/kravBBudgetavvikelse").decimalValue()).isEqualByComparingTo("88.5");
        assertThat(isk.at("/underlag/kravCtoE/counts/avslutad").asInt()).isEqualTo(13);

        JsonNode overview = get("/api/internkontroll/overview?year=2024");
        JsonNode rs = find(overview.get("namnder"), row -> row.get("namnd").asText().equals("RS"));
        assertThat(rs.at("/counts/avslutad").asInt()).isEqualTo(13);
        assertThat(rs.at("/counts/ejGenomford").asInt()).isEqualTo(1);
        assertThat(rs.get("ejGenomforda")).hasSize(1);
        assertThat(rs.get("iskTillracklig").asBoolean()).isTrue();
        assertThat(rs.get("iskFaststalld").asBoolean()).isTrue();
        JsonNode followUpRow = find(get("/api/followups/overview?year=2024").get("namnder"),
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

    private void theOverviewAnswersForEveryNamndInOneRequest() {
        JsonNode overview = get("/api/followups/overview?year=2024");
        JsonNode rs = find(overview.get("namnder"), row -> row.get("namnd").asText().equals("RS"));
        assertThat(rs.get("faststalld").asBoolean()).isTrue();
        assertThat(rs.get("budgetavvikelse").decimalValue()).isEqualByComparingTo("88.5");
        assertThat(rs.get("budgetavvikelseLine").asText()).startsWith("Totalt");
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

    private JsonNode awaitFastställd(String planId) throws InterruptedException {
        return awaitGet("/api/plans/" + planId, plan -> "FASTSTALLD".equals(plan.get("status").asText()));
    }
}
