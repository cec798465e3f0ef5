package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal control over HTTP: a regionövergripande åtgärd edited once shows in every nämnd's IK-plan; the åtgärd
 * lifecycle with its history; refusals that store nothing; the ISK-bedömning and the region-wide overview.
 */
class InternalControlIT extends LedgerIntegrationTest {

    private static final int YEAR = 2031;
    private static final String REGION = "/api/ik-plans/IK-REGION-" + YEAR;
    /** The year of the first test, which defines its own regionövergripande rows. */
    private static final int EDIT_YEAR = 2032;
    private static final String BESLUT = """
            {"organ": "Regionstyrelsen", "datum": "2030-12-10", "paragraf": "§ 201", "diarienummer": "30RS100"}""";

    @Test
    void a_regionovergripande_atgard_edited_once_shows_in_every_namnds_plan() throws Exception {
        String editRegion = "/api/ik-plans/IK-REGION-" + EDIT_YEAR;
        ok(post("/api/ik-plans", """
                {"regionovergripande": true, "year": %d}""".formatted(EDIT_YEAR)));
        ok(post(editRegion + "/risks", """
                {"riskId": "sam", "verksamhet": "HR", "krav": ["C"],
                 "text": "Risk att systematiskt arbetsmiljöarbete (SAM) inte är välfungerande i vardagen."}"""));
        ok(post(editRegion + "/atgarder", """
                {"atgardId": "sam-a1", "riskId": "sam",
                 "text": "Varje chef ska årligen följa upp sitt arbetsmiljöarbete enligt rutin."}"""));
        ok(post(editRegion + "/adoption", "{\"beslut\": " + BESLUT + "}"));
        for (String namnd : List.of("IKA", "IKB")) {
            givenIkPlan(namnd, EDIT_YEAR);
        }

        java.time.Instant beforeTheEdit = java.time.Instant.now();
        ResponseEntity<JsonNode> withoutBeslut = post(editRegion + "/atgarder/sam-a1/revisions", """
                {"text": "Varje chef ska två gånger om året följa upp sitt arbetsmiljöarbete."}""");
        assertThat(withoutBeslut.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutBeslut.getBody().get("field").asText()).isEqualTo("revisionBeslut");
        ok(post(editRegion + "/atgarder/sam-a1/revisions", """
                {"text": "Varje chef ska två gånger om året följa upp sitt arbetsmiljöarbete.",
                 "revisionBeslut": {"organ": "Regionstyrelsen", "datum": "2032-03-04", "paragraf": "§ 40",
                                    "diarienummer": "31RS12"}}"""));

        for (String namnd : List.of("IKA", "IKB")) {
            JsonNode plan = awaitGet("/api/ik-plans/IK-" + namnd + "-" + EDIT_YEAR,
                    p -> p.at("/risks/0/atgarder/0/text").asText().startsWith("Varje chef ska två gånger"));
            assertThat(plan.at("/risks/0/regionovergripande").asBoolean()).isTrue();
            assertThat(plan.at("/risks/0/krav/0").asText()).isEqualTo("C");
            assertThat(plan.at("/risks/0/atgarder/0/regionovergripande").asBoolean()).isTrue();
            assertThat(plan.at("/risks/1/verksamhet").asText()).isEqualTo("Ekonomi");
            assertThat(plan.at("/risks/1/riskvarde").asInt()).isEqualTo(6);
            assertThat(plan.get("regionPlanId").asText()).isEqualTo("IK-REGION-" + EDIT_YEAR);
            // the version to send back in If-Match, as the plan's read answers it
            assertThat(http.getForEntity("/api/ik-plans/IK-" + namnd + "-" + EDIT_YEAR, JsonNode.class).getHeaders()
                    .getETag()).isEqualTo("\"" + plan.get("version").asLong() + "\"");
            JsonNode before = get("/api/ik-plans/IK-" + namnd + "-" + EDIT_YEAR + "?asOf=" + beforeTheEdit);
            assertThat(before.at("/risks/0/atgarder/0/text").asText()).startsWith("Varje chef ska årligen");
        }
    }

    @Test
    void every_status_change_is_in_the_history_and_an_impossible_one_stores_nothing() throws Exception {
        givenRegion();
        givenIkPlan("IKC", YEAR);
        String atgard = "/api/ik-plans/IK-IKC-" + YEAR + "/atgarder/attest-a1";
        ok(send(HttpMethod.POST, atgard + "/status", """
                {"status": "PAGAENDE", "datum": "2031-03-01", "comment": "Stickprov i mars."}""",
                Map.of("X-Reason", "Del%C3%A5rsrapport%201")));
        ok(post(atgard + "/status", """
                {"status": "AVSLUTAD", "datum": "2031-12-31", "comment": "Rutinbeskrivning upprättad."}"""));

        long events = eventCount();
        ResponseEntity<JsonNode> backwards = post(atgard + "/status", """
                {"status": "PLANERAD", "datum": "2031-12-31", "comment": "Ångrar."}""");
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(backwards.getBody().get("field").asText()).isEqualTo("status");
        ResponseEntity<JsonNode> missing = post("/api/ik-plans/IK-IKC-" + YEAR + "/atgarder/finns-inte/status", """
                {"status": "AVSLUTAD", "datum": "2031-12-31", "comment": "Klar."}""");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(missing.getBody().get("field").asText()).isEqualTo("atgardId");
        ResponseEntity<JsonNode> noSuchStatus = post(atgard + "/status", """
                {"status": "KLAR", "datum": "2031-12-31", "comment": "Klar."}""");
        assertThat(noSuchStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noSuchStatus.getBody().get("field").asText()).isEqualTo("status");
        ResponseEntity<JsonNode> noComment = post("/api/ik-plans/IK-IKC-" + YEAR + "/atgarder/sam-a1/status", """
                {"regionovergripande": true, "status": "AVSLUTAD", "datum": "2031-12-31"}""");
        assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(noComment.getBody().get("field").asText()).isEqualTo("comment");
        assertThat(eventCount()).isEqualTo(events);

        JsonNode history = awaitGet(atgard + "/history", h -> h.size() == 3);
        assertThat(history.findValuesAsText("change")).containsExactly("ADDED", "STATUS", "STATUS");
        JsonNode started = history.get(1);
        assertThat(started.get("from").asText()).isEqualTo("PLANERAD");
        assertThat(started.get("to").asText()).isEqualTo("PAGAENDE");
        assertThat(started.get("principal").asText()).isEqualTo(PRINCIPAL);
        assertThat(started.get("reason").asText()).isEqualTo("Delårsrapport 1");
        assertThat(started.get("comment").asText()).isEqualTo("Stickprov i mars.");
        assertThat(started.get("recordedAt").asText()).isNotBlank();
        assertThat(history.get(2).get("to").asText()).isEqualTo("AVSLUTAD");
    }

    @Test
    void the_overview_counts_atgarder_by_status_and_shows_the_isk_outcome() throws Exception {
        givenRegion();
        givenIkPlan("IKD", YEAR);
        String plan = "/api/ik-plans/IK-IKD-" + YEAR;
        ok(post(plan + "/atgarder/sam-a1/status", """
                {"regionovergripande": true, "status": "AVSLUTAD", "datum": "2031-11-30", "comment": "Uppföljt."}"""));
        ok(post(plan + "/atgarder/attest-a1/status", """
                {"status": "EJ_GENOMFORD", "datum": "2031-12-31", "comment": "Har inte genomförts enligt plan."}"""));
        ok(post("/api/isk-bedomningar", """
                {"namnd": "IKD", "year": %d, "tillracklig": false,
                 "motivation": "Attestkontrollen har inte genomförts.",
                 "krav": [{"krav": "D", "tillracklig": false, "kommentar": "Avstämning saknas."}]}""".formatted(YEAR)));

        JsonNode overview = awaitGet("/api/internkontroll/overview?year=" + YEAR, o -> row(o, "IKD")
                .filter(r -> r.get("iskMade").asBoolean() && r.at("/counts/avslutad").asInt() == 1
                        && r.at("/counts/ejGenomford").asInt() == 1).isPresent());
        JsonNode ikd = row(overview, "IKD").orElseThrow();
        assertThat(ikd.at("/counts/planerad").asInt()).isZero();
        assertThat(ikd.get("ejGenomforda").findValuesAsText("atgardId")).containsExactly("attest-a1");
        assertThat(ikd.get("openAtYearEnd")).isEmpty();
        assertThat(ikd.get("iskTillracklig").isBoolean()).isTrue();
        assertThat(ikd.get("iskTillracklig").asBoolean()).isFalse();
        assertThat(ikd.get("iskFaststalld").asBoolean()).isFalse();

        // the overviews have a processor of their own: the ISK view may show the bedömning a moment later
        JsonNode isk = awaitGet("/api/isk-bedomningar/IKD/" + YEAR, i -> i.at("/bedomning/motivation").isTextual());
        assertThat(http.getForEntity("/api/isk-bedomningar/IKD/" + YEAR, JsonNode.class).getHeaders().getETag())
                .isEqualTo("\"0\"");
        assertThat(isk.at("/bedomning/motivation").asText()).startsWith("Attestkontrollen");
        assertThat(isk.at("/bedomning/krav/0/krav").asText()).isEqualTo("D");
        assertThat(isk.at("/underlag/kravCtoE/counts/ejGenomford").asInt()).isEqualTo(1);
        assertThat(isk.get("status").asText()).isEqualTo("UTKAST");

        ok(post("/api/isk-bedomningar", """
                {"regionovergripande": true, "year": %d, "tillracklig": true,
                 "motivation": "Nämndernas brister är kända och åtgärdade i 2032 års planer."}""".formatted(YEAR)));
        JsonNode samlad = awaitGet("/api/isk-bedomningar/region/" + YEAR, s -> !s.get("bedomning").isNull());
        assertThat(samlad.at("/bedomning/tillracklig").asBoolean()).isTrue();
        JsonNode ikdOutcome = row(samlad, "IKD").orElseThrow();
        assertThat(ikdOutcome.get("tillracklig").isBoolean()).isTrue();
        assertThat(ikdOutcome.get("tillracklig").asBoolean()).isFalse();
        assertThat(ikdOutcome.get("link").asText()).isEqualTo("/api/isk-bedomningar/IKD/" + YEAR);
        assertThat(awaitGet("/api/internkontroll/overview?year=" + YEAR, o -> o.at("/samlad/made").asBoolean())
                .at("/samlad/tillracklig").asBoolean()).isTrue();
    }

    private static java.util.Optional<JsonNode> row(JsonNode overview, String namnd) {
        List<JsonNode> rows = new ArrayList<>();
        overview.get("namnder").forEach(rows::add);
        return rows.stream().filter(r -> r.get("namnd").asText().equals(namnd)).findFirst();
    }

    /** The regionövergripande rows of the year, unless another test has made them. */
    private void givenRegion() {
        if (post("/api/ik-plans", "{\"regionovergripande\": true, \"year\": " + YEAR + "}").getStatusCode()
                == HttpStatus.CONFLICT) {
            return;
        }
        ok(post(REGION + "/risks", """
                {"riskId": "sam", "verksamhet": "HR", "text": "Risk att SAM inte är välfungerande."}"""));
        ok(post(REGION + "/atgarder", """
                {"atgardId": "sam-a1", "riskId": "sam", "text": "Varje chef ska följa upp sitt arbetsmiljöarbete."}"""));
        ok(post(REGION + "/adoption", "{\"beslut\": " + BESLUT + "}"));
    }

    /** A nämnd's fastställd IK-plan with one own risk (riskvärde 2 × 3) and åtgärd. */
    private void givenIkPlan(String namnd, int year) {
        ok(post("/api/namnder", """
                {"code": "%s", "name": "Nämnd %s", "forvaltning": "Regionkansliet"}""".formatted(namnd, namnd)));
        String plan = "/api/ik-plans/IK-" + namnd + "-" + year;
        ok(post("/api/ik-plans", """
                {"namnd": "%s", "year": %d}""".formatted(namnd, year)));
        ok(post(plan + "/risks", """
                {"riskId": "attest", "verksamhet": "Ekonomi", "krav": ["D"],
                 "riskvardering": {"sannolikhet": 2, "konsekvens": 3},
                 "text": "Risken att automatiskt attesterade fakturor blir felaktigt godkända."}"""));
        ok(post(plan + "/atgarder", """
                {"atgardId": "attest-a1", "riskId": "attest", "utforare": "Staben ekonomi", "tidplan": "Vår 2031",
                 "text": "Dokumentera och genomföra avstämningsrutiner för automatiskt attesterade fakturor."}"""));
        ok(post(plan + "/adoption", """
                {"beslut": {"organ": "Nämnd %s", "datum": "2030-12-12", "paragraf": "§ 9", "diarienummer": "30N1"}}"""
                .formatted(namnd)));
    }
}
