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
 * Where every fact comes from: a write names its source document with X-Source, and the plan view, the indikator
 * series, the audit trail, the filter of what no source prints and the document's own view all show it; a malformed
 * header or an unregistered document is refused and nothing is stored.
 */
class ProvenanceIT extends LedgerIntegrationTest {

    private static final String PLAN = "PVN-2026";

    @Test
    void a_write_from_a_registered_document_shows_its_source_everywhere() throws Exception {
        ok(post("/api/sources", """
                {"documentId": "PVN-VP-2026", "title": "Provnämndens verksamhetsplan med budget 2026",
                 "namnd": "PVN", "year": 2026, "kind": "VERKSAMHETSPLAN_MED_BUDGET",
                 "notGivenInSource": ["DIARIENUMMER"]}"""));
        givenPlan("PVN", 2026);
        ok(write("/api/plans/" + PLAN + "/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}""",
                "document=PVN-VP-2026; section=3.1%20M%C3%A5ls%C3%A4ttning%201; page=7; basis=PRINTED"));
        ok(write("/api/plans/" + PLAN + "/goals", """
                {"goalId": "m1-n1", "parentGoalId": "m1", "kind": "NAMNDMAL", "origin": "NAMND", "numbering": "1.1",
                 "title": "Nära vård"}""",
                "document=PVN-VP-2026; page=3; basis=RECONSTRUCTED; "
                        + "words=N%C3%A4mndm%C3%A5let%20st%C3%A5r%20efter%20m%C3%A5ls%C3%A4ttning%201"));
        ok(write("/api/utfall", """
                {"namnd": "PVN", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "82 %", "period": "maj 2026"}}""",
                "document=PVN-VP-2026; section=Styrtal; basis=DERIVED; rule=medel%20av%20m%C3%A5naderna"));

        JsonNode plan = awaitGet("/api/plans/" + PLAN, view -> view.path("provenance").has("goal:PVN-2026:m1-n1"));
        JsonNode printed = plan.at("/provenance/goal:PVN-2026:m1");
        assertThat(printed.get("document").asText()).isEqualTo("PVN-VP-2026");
        assertThat(printed.get("section").asText()).isEqualTo("3.1 Målsättning 1");
        assertThat(printed.get("page").asInt()).isEqualTo(7);
        assertThat(printed.get("basis").asText()).isEqualTo("PRINTED");
        assertThat(plan.at("/provenance/goal:PVN-2026:m1-n1/words").asText())
                .isEqualTo("Nämndmålet står efter målsättning 1");
        // the plan itself was created without a source: it has none
        assertThat(plan.path("provenance").has("plan:PVN-2026")).isFalse();

        JsonNode series = awaitGet("/api/indikatorer/telefontillganglighet-primarvard/series?namnd=PVN",
                s -> s.get("points").findValuesAsText("origin").contains("UTFALL"));
        assertThat(series.get("points").findValues("provenance").stream().filter(p -> !p.isNull())
                .map(p -> p.get("rule").asText())).containsExactly("medel av månaderna");

        JsonNode trail = awaitGet("/api/audit/entities/goal:PVN-2026:m1", page -> page.get("entries").size() > 0);
        assertThat(trail.at("/entries/0/provenance/page").asInt()).isEqualTo(7);

        JsonNode reconstructed = awaitGet("/api/provenance?basis=RECONSTRUCTED&document=PVN-VP-2026",
                page -> page.get("facts").size() > 0);
        assertThat(reconstructed.get("facts").findValuesAsText("entityKey")).containsExactly("goal:PVN-2026:m1-n1");
        JsonNode notPrinted = awaitGet("/api/provenance?basis=NOT_PRINTED&namnd=PVN",
                page -> page.get("facts").size() == 2);
        assertThat(notPrinted.get("facts").findValuesAsText("entityKey"))
                .containsExactly("goal:PVN-2026:m1-n1", "utfall:PVN:telefontillganglighet-primarvard:2026-05");
        assertThat(http.getForEntity("/api/provenance?basis=GUESSED", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // the document's own view: its registration, then what came from it, page 3 before page 7, unknown last
        JsonNode document = awaitGet("/api/sources/PVN-VP-2026", view -> view.get("items").size() == 3);
        assertThat(document.at("/document/notGivenInSource/0").asText()).isEqualTo("DIARIENUMMER");
        List<String> order = new ArrayList<>();
        document.get("items").forEach(item -> order.add(item.get("entityKey").asText() + " "
                + item.get("basis").asText() + " " + item.get("summary").asText()));
        assertThat(order).containsExactly("goal:PVN-2026:m1-n1 RECONSTRUCTED 1.1 Nära vård",
                "goal:PVN-2026:m1 PRINTED 1 God vård",
                "utfall:PVN:telefontillganglighet-primarvard:2026-05 DERIVED 82 %");
        assertThat(get("/api/sources").findValuesAsText("documentId")).contains("PVN-VP-2026");
    }

    @Test
    void a_malformed_header_or_an_unregistered_document_is_refused_and_nothing_is_stored() {
        givenPlan("PVX", 2026);
        long before = eventCount();
        for (String header : List.of("document=PVX-VP; basis=MAYBE", "document=PVX-VP; basis=DERIVED",
                "basis=PRINTED", "document=PVX-VP; basis=PRINTED; page=sju", "document=NO-SUCH-DOCUMENT; basis=PRINTED")) {
            ResponseEntity<JsonNode> refused = write("/api/plans/PVX-2026/goals", """
                    {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}""",
                    header);
            assertThat(refused.getStatusCode()).as(header).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().get("field").asText()).isEqualTo("X-Source");
        }
        assertThat(eventCount()).isEqualTo(before);

        ResponseEntity<JsonNode> noDiarienummer = post("/api/sources", """
                {"documentId": "PVX-VP", "title": "Plan", "namnd": "PVX", "year": 2026,
                 "kind": "VERKSAMHETSPLAN_MED_BUDGET"}""");
        assertThat(noDiarienummer.getStatusCode().is4xxClientError()).isTrue();
        assertThat(noDiarienummer.getBody().get("field").asText()).isEqualTo("diarienummer");
        assertThat(eventCount()).isEqualTo(before);
    }

    private ResponseEntity<JsonNode> write(String path, String body, String source) {
        return send(HttpMethod.POST, path, body, Map.of("X-Source", source));
    }
}
