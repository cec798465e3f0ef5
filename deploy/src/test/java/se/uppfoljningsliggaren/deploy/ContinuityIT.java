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
 * Identity across years is what the plan records: year-over-year over HTTP shows only recorded links (a renumbered
 * goal as one pair, two styrtal on one indikator as two rows), the heuristic only as suggestions, and the links in
 * the plan view and the audit trail.
 */
class ContinuityIT extends LedgerIntegrationTest {

    private static final String YOY = "/api/plans/CON/2026/year-over-year";
    private static final String SUGGESTIONS = "/api/plans/CON-2026/continuity/suggestions";

    @Test
    void year_over_year_shows_what_is_recorded_and_the_heuristic_only_suggests() throws Exception {
        givenPlan("CON", 2025);
        ok(post("/api/plans", """
                {"namnd": "CON", "year": 2026, "title": "Verksamhetsplan med budget 2026"}"""));
        ok(post("/api/plans/CON-2025/goals", """
                {"goalId": "g5", "kind": "MALSATTNING", "origin": "RF", "numbering": "5", "title": "God vård"}"""));
        for (String styrtal : List.of("s1", "s2")) {
            ok(post("/api/plans/CON-2025/styrtal", """
                    {"styrtalId": "%s", "goalId": "g5", "indikatorId": "telefontillganglighet-primarvard",
                     "text": "Telefontillgängligheten, mätning %s", "arsMalvarde": "90 %%"}""".formatted(styrtal, styrtal)));
        }
        ok(post("/api/plans/CON-2026/goals", """
                {"goalId": "g6", "kind": "MALSATTNING", "origin": "RF", "numbering": "6", "title": "God vård"}"""));
        ok(post("/api/plans/CON-2026/goals", """
                {"goalId": "g7", "kind": "MALSATTNING", "origin": "RF", "numbering": "7", "title": "Digitala lösningar"}"""));
        long version = ok(post("/api/plans/CON-2026/styrtal", """
                {"styrtalId": "t1", "goalId": "g6", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Telefontillgängligheten, mätning s2", "arsMalvarde": "92 %"}""")).getBody().get("version")
                .asLong();
        get("/api/plans/CON-2026?minVersion=" + version);
        awaitGet("/api/plans/CON-2025", plan -> plan.at("/goals/0/styrtal").size() == 2);

        // Nothing recorded: every item unlinked, whatever its likeness; the heuristic's guesses only as suggestions
        JsonNode unlinked = get(YOY);
        assertThat(changes(unlinked.get("goals"))).containsOnly("UNLINKED");
        assertThat(changes(unlinked.get("styrtal"))).containsExactly("UNLINKED", "UNLINKED", "UNLINKED");
        JsonNode suggested = get(SUGGESTIONS);
        assertThat(suggested.get("previousPlanId").asText()).isEqualTo("CON-2025");
        assertThat(suggested.get("method").asText()).contains("not recorded");
        assertThat(links(suggested.get("suggestions"))).containsExactly("GOAL g6<g5 indikatorer",
                "STYRTAL t1<s1 indikator");

        // Recorded: t1 continues the second of the two styrtal on the indikator, the first is not continued
        put("/api/plans/CON-2026/continuity/GOAL/g6", "{\"previousItemId\": \"g5\"}");
        put("/api/plans/CON-2026/continuity/STYRTAL/t1", "{\"previousItemId\": \"s2\"}");
        put("/api/plans/CON-2026/continuity/GOAL/g7", "{\"newItem\": true}");
        version = ok(post("/api/plans/CON-2026/continuity/dropped", """
                {"kind": "STYRTAL", "previousItemId": "s1", "reason": "Mätningen upphör"}""")).getBody()
                .get("version").asLong();
        JsonNode plan = get("/api/plans/CON-2026?minVersion=" + version);
        assertThat(plan.at("/continuity/previousPlanId").asText()).isEqualTo("CON-2025");
        assertThat(plan.at("/continuity/links")).hasSize(3);
        assertThat(plan.at("/continuity/dropped/0/previousItemId").asText()).isEqualTo("s1");

        JsonNode comparison = get(YOY);
        JsonNode vard = comparison.at("/goals/0");
        assertThat(vard.get("change").asText()).isEqualTo("RENUMBERED");
        assertThat(vard.at("/previous/numbering").asText() + "→" + vard.at("/current/numbering").asText())
                .isEqualTo("5→6");
        assertThat(comparison.at("/goals/1/change").asText()).isEqualTo("NEW");
        JsonNode styrtal = comparison.get("styrtal");
        assertThat(styrtal).hasSize(2);
        assertThat(styrtal.at("/0/change").asText()).isEqualTo("CHANGED");
        assertThat(styrtal.at("/0/previous/styrtalId").asText()).isEqualTo("s2");
        assertThat(styrtal.at("/0/current/styrtalId").asText()).isEqualTo("t1");
        assertThat(styrtal.at("/0/changes").toString()).isEqualTo("[\"goalNumbering\",\"arsMalvarde\"]");
        assertThat(styrtal.at("/1/change").asText()).isEqualTo("DROPPED");
        assertThat(styrtal.at("/1/previous/styrtalId").asText()).isEqualTo("s1");
        assertThat(styrtal.at("/1/previous/indikatorId").asText()).isEqualTo("telefontillganglighet-primarvard");
        assertThat(styrtal.at("/1/reason").asText()).isEqualTo("Mätningen upphör");
        assertThat(get(SUGGESTIONS).get("suggestions")).isEmpty();

        // An earlier item is continued by one item at most; a link is one thing or the other
        ResponseEntity<JsonNode> twice = send(HttpMethod.PUT, "/api/plans/CON-2026/continuity/GOAL/g7",
                "{\"previousItemId\": \"g5\"}", Map.of());
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("field").asText()).isEqualTo("previousItemId");
        ResponseEntity<JsonNode> both = send(HttpMethod.PUT, "/api/plans/CON-2026/continuity/GOAL/g7",
                "{\"previousItemId\": \"g5\", \"newItem\": true}", Map.of());
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(both.getBody().get("field").asText()).isEqualTo("previousItemId");

        JsonNode trail = awaitGet(anonymous.withBasicAuth("rita.revisor@regionorebrolan.se", PASSWORD),
                "/api/audit/entities/styrtal:CON-2026:t1",
                page -> page.get("entries").size() == 2);
        assertThat(trail.at("/entries/1/eventType").asText()).isEqualTo("ItemContinued");
        assertThat(trail.at("/entries/1/after/continues").asText()).isEqualTo("CON-2025:s2");
    }

    private void put(String path, String body) {
        ok(send(HttpMethod.PUT, path, body, Map.of()));
    }

    private static List<String> changes(JsonNode rows) {
        List<String> changes = new ArrayList<>();
        rows.forEach(row -> changes.add(row.get("change").asText()));
        return changes;
    }

    private static List<String> links(JsonNode suggestions) {
        List<String> links = new ArrayList<>();
        suggestions.forEach(s -> links.add(s.get("kind").asText() + " " + s.get("itemId").asText() + "<"
                + s.get("previousItemId").asText() + " " + s.get("basis").asText()));
        return links;
    }
}
