package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisor's audit trail: a styrtal revised by beslut and an utfall corrected, read back step by step with who,
 * when, why, the beslut and the values before and after; by beslut; by person and time range; page by page; and
 * every read of the trail is itself recorded.
 */
class AuditTrailIT extends LedgerIntegrationTest {

    private static final String WRITER = "aud.controller@regionorebrolan.se";
    private static final String REVISOR = "rita.revisor@regionorebrolan.se";
    private static final String STYRTAL_KEY = "styrtal:AUD-2026:m1-s1";
    private static final String UTFALL_KEY = "utfall:AUD:telefontillganglighet-primarvard:2026-09";

    @Test
    void every_step_of_a_revised_styrtal_and_a_corrected_utfall_is_in_the_trail() throws Exception {
        assertThat(as(REVISOR).getForEntity("/api/audit/people/" + WRITER + "?limit=0", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        write(HttpMethod.POST, "/api/namnder", """
                {"code": "AUD", "name": "Nämnd AUD", "forvaltning": "Regionkansliet"}""", null);
        post("/api/indikatorer", """
                {"indikatorId": "telefontillganglighet-primarvard", "name": "Telefontillgängligheten i primärvård",
                 "unit": "%"}""");
        write(HttpMethod.POST, "/api/plans", """
                {"namnd": "AUD", "year": 2026, "title": "Verksamhetsplan med budget 2026", "planningYears": [2027]}""",
                null);
        write(HttpMethod.POST, "/api/plans/AUD-2026/goals", """
                {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "God vård"}""",
                null);
        Instant from = Instant.now();
        write(HttpMethod.POST, "/api/plans/AUD-2026/styrtal", """
                {"styrtalId": "m1-s1", "goalId": "m1", "indikatorId": "telefontillganglighet-primarvard",
                 "text": "Telefontillgängligheten i primärvård, inom 0 dagar.", "unit": "%", "direction": "OKA",
                 "senastKanda": {"value": "82 %", "period": "maj 2025"}, "arsMalvarde": "90 %",
                 "langsiktigtMalvarde": "95 %"}""", null);
        write(HttpMethod.POST, "/api/plans/AUD-2026/adoption", """
                {"beslut": {"organ": "Regionstyrelsen", "datum": "2025-12-10", "paragraf": "§ 250",
                            "diarienummer": "25RS0998"}}""", null);
        Instant beforeRevision = Instant.now();
        write(HttpMethod.PUT, "/api/plans/AUD-2026/styrtal/m1-s1", """
                {"text": "Telefontillgängligheten i primärvård, inom 0 dagar.", "unit": "%", "direction": "OKA",
                 "senastKanda": {"value": "82 %", "period": "maj 2025"}, "arsMalvarde": "92 %",
                 "langsiktigtMalvarde": "95 %",
                 "revisionBeslut": {"organ": "Regionstyrelsen", "datum": "2026-03-04", "paragraf": "§ 31",
                                    "diarienummer": "26RS0999"}}""", "Regionens mal hojdes");
        write(HttpMethod.POST, "/api/utfall", """
                {"namnd": "AUD", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "83 %", "period": "september 2026"}}""", null);
        write(HttpMethod.POST, "/api/utfall/corrections", """
                {"namnd": "AUD", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "81 %", "period": "september 2026"}, "reason": "Rättat underlag från 1177"}""",
                null);
        Instant to = Instant.now();
        write(HttpMethod.POST, "/api/plans/AUD-2026/goals", """
                {"goalId": "m2", "kind": "MALSATTNING", "origin": "RF", "numbering": "2", "title": "Senare mål",
                 "revisionBeslut": {"organ": "Regionstyrelsen", "datum": "2026-10-01", "paragraf": "§ 90",
                                    "diarienummer": "26RS0997"}}""",
                "Efter perioden");

        JsonNode styrtal = awaitRead("/api/audit/entities/" + STYRTAL_KEY, page -> page.get("entries").size() == 2);
        JsonNode added = styrtal.at("/entries/0");
        JsonNode revised = styrtal.at("/entries/1");
        assertThat(styrtal.get("next").isNull()).isTrue();
        assertThat(added.get("eventType").asText()).isEqualTo("StyrtalAdded");
        assertThat(added.get("entityKind").asText()).isEqualTo("STYRTAL");
        assertThat(added.get("entityKey").asText()).isEqualTo(STYRTAL_KEY);
        assertThat(added.get("who").asText()).isEqualTo(WRITER);
        assertThat(added.get("before").isNull()).isTrue();
        assertThat(added.get("beslut").isNull()).isTrue();
        assertThat(added.at("/after/goalId").asText()).isEqualTo("m1");
        assertThat(added.at("/after/content/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(revised.get("eventType").asText()).isEqualTo("StyrtalRevised");
        assertThat(revised.get("who").asText()).isEqualTo(WRITER);
        assertThat(revised.get("reason").asText()).isEqualTo("Regionens mal hojdes");
        assertThat(revised.at("/beslut/diarienummer").asText()).isEqualTo("26RS0999");
        assertThat(revised.at("/beslut/paragraf").asText()).isEqualTo("§ 31");
        assertThat(revised.at("/beslut/datum").asText()).isEqualTo("2026-03-04");
        assertThat(revised.at("/before/content/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(revised.at("/after/content/arsMalvarde/written").asText()).isEqualTo("92 %");
        assertThat(revised.at("/after/goalId").asText()).isEqualTo("m1");
        assertThat(revised.get("position").asLong()).isGreaterThan(added.get("position").asLong());
        assertThat(Instant.parse(revised.get("at").asText())).isBetween(from, to);
        // Who, in which role and scope, through which client: the signed-in writer's
        assertThat(revised.get("role").asText()).isEqualTo("CONTROLLER");
        assertThat(revised.get("namndScope").asText()).isEqualTo("*");
        assertThat(revised.get("client").asText()).isEqualTo("local");
        assertThat(revised.get("whoName").asText()).isNotBlank();
        assertThat(revised.get("correlationId").asText()).isNotBlank();

        // The plan between two instants: only the revision, with the målvärde then and now
        JsonNode difference = read("/api/audit/aggregates/AUD-2026/difference?from=" + beforeRevision + "&to=" + to);
        assertThat(entityKeys(difference)).containsExactly(STYRTAL_KEY);
        JsonNode changed = difference.at("/entities/0");
        assertThat(changed.at("/before/content/arsMalvarde/written").asText()).isEqualTo("90 %");
        assertThat(changed.at("/after/content/arsMalvarde/written").asText()).isEqualTo("92 %");
        assertThat(changed.get("changes")).hasSize(1);
        assertThat(changed.at("/changes/0/who").asText()).isEqualTo(WRITER);
        assertThat(changed.at("/changes/0/beslut/diarienummer").asText()).isEqualTo("26RS0999");
        assertThat(entityKeys(read("/api/audit/aggregates/AUD-2026/difference?from=" + from + "&to=" + to)))
                .containsExactly(STYRTAL_KEY, "plan:AUD-2026");
        assertThat(readOnce("/api/audit/aggregates/NONE-2026/difference?from=" + from + "&to=" + to)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(readOnce("/api/audit/aggregates/AUD-2026/difference?from=" + to + "&to=" + from)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        // One entity between two instants: the styrtal alone, though the plan changed too
        JsonNode oneEntity = read("/api/audit/entities/" + STYRTAL_KEY + "/difference?from=" + from + "&to=" + to);
        assertThat(oneEntity.get("aggregateId").asText()).isEqualTo("AUD-2026");
        assertThat(entityKeys(oneEntity)).containsExactly(STYRTAL_KEY);
        assertThat(oneEntity.at("/entities/0/before").isNull()).as("it did not exist at from").isTrue();
        assertThat(oneEntity.at("/entities/0/after/content/arsMalvarde/written").asText()).isEqualTo("92 %");
        assertThat(oneEntity.at("/entities/0/changes").findValuesAsText("eventType"))
                .containsExactly("StyrtalAdded", "StyrtalRevised");
        assertThat(entityKeys(read("/api/audit/entities/plan:AUD-2026/difference?from=" + beforeRevision + "&to="
                + to))).as("the plan did not change then").isEmpty();
        assertThat(readOnce("/api/audit/entities/styrtal:NONE-2026:x/difference?from=" + from + "&to=" + to)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(readOnce("/api/audit/entities/" + STYRTAL_KEY + "/difference?from=" + to + "&to=" + from)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        JsonNode utfall = awaitRead("/api/audit/entities/" + UTFALL_KEY, page -> page.get("entries").size() == 2);
        assertThat(utfall.at("/entries/0/eventType").asText()).isEqualTo("UtfallRecorded");
        assertThat(utfall.at("/entries/0/entityKind").asText()).isEqualTo("UTFALL");
        assertThat(utfall.at("/entries/0/after/figure/value/written").asText()).isEqualTo("83 %");
        assertThat(utfall.at("/entries/1/eventType").asText()).isEqualTo("UtfallCorrected");
        assertThat(utfall.at("/entries/1/reason").asText()).isEqualTo("Rättat underlag från 1177");
        assertThat(utfall.at("/entries/1/before/figure/value/written").asText()).isEqualTo("83 %");
        assertThat(utfall.at("/entries/1/after/figure/value/written").asText()).isEqualTo("81 %");

        JsonNode byBeslut = read("/api/audit/beslut?diarienummer=26RS0999");
        assertThat(byBeslut.get("entries")).hasSize(1);
        assertThat(byBeslut.at("/entries/0/entityKey").asText()).isEqualTo(STYRTAL_KEY);
        assertThat(read("/api/audit/beslut?diarienummer=26RS0999&organ=Regionstyrelsen&datum=2026-03-04"
                + "&paragraf=§ 31").get("entries")).hasSize(1);
        assertThat(read("/api/audit/beslut?diarienummer=26RS0999&paragraf=§ 32").get("entries")).isEmpty();
        assertThat(read("/api/audit/beslut?diarienummer=25RS0998").at("/entries/0/entityKey").asText())
                .isEqualTo("plan:AUD-2026");

        awaitRead("/api/audit/entities/goal:AUD-2026:m2", page -> page.get("entries").size() == 1);
        JsonNode inRange = read("/api/audit/people/" + WRITER + "?from=" + from + "&to=" + to);
        assertThat(inRange.get("entries").findValuesAsText("eventType")).containsExactly("StyrtalAdded",
                "PlanAdopted", "StyrtalRevised", "UtfallRecorded", "UtfallCorrected");
        assertThat(inRange.get("entries").findValuesAsText("who")).containsOnly(WRITER);
        JsonNode everything = read("/api/audit/people/" + WRITER + "?limit=500");
        assertThat(everything.get("entries").findValuesAsText("entityKey")).contains("namnd:AUD", "plan:AUD-2026",
                "goal:AUD-2026:m1", "goal:AUD-2026:m2");

        List<JsonNode> walked = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = read("/api/audit/people/" + WRITER + "?limit=1" + (next == null ? "" : "&after=" + next));
            assertThat(page.get("entries").size()).isLessThanOrEqualTo(1);
            page.get("entries").forEach(walked::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        assertThat(walked).containsExactlyElementsOf(everything.get("entries"));

        List<JsonNode> reads = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = ok(send(HttpMethod.GET, "/api/admin/audit-reads?limit=500"
                    + (after == null ? "" : "&after=" + after), null, Map.of())).getBody();
            page.get("entries").forEach(reads::add);
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertThat(reads).anySatisfy(entry -> {
            assertThat(entry.get("who").asText()).isEqualTo(REVISOR);
            assertThat(entry.get("path").asText()).isEqualTo("/api/audit/beslut");
            assertThat(entry.get("query").asText()).contains("diarienummer=26RS0999");
            assertThat(entry.get("readAt").asText()).isNotEmpty();
            assertThat(entry.get("method").asText()).isEqualTo("GET");
            assertThat(entry.get("status").asInt()).isEqualTo(200);
        });
        // a refused read is recorded as refused: it showed nothing of the trail
        assertThat(reads).anySatisfy(entry -> {
            assertThat(entry.get("query").asText()).isEqualTo("limit=0");
            assertThat(entry.get("status").asInt()).isEqualTo(400);
        });
        assertThat(reads).anySatisfy(entry -> assertThat(entry.get("path").asText())
                .isEqualTo("/api/audit/entities/" + STYRTAL_KEY));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, "audit-trail")).as("every event stored so far has its audit mapping").isZero();
    }

    @Test
    void an_unknown_entity_is_404_and_bad_paging_is_400() {
        ResponseEntity<JsonNode> unknown = as(REVISOR).getForEntity("/api/audit/entities/styrtal:NONE-2026:x", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(unknown.getBody().get("field").asText()).isEqualTo("entityKey");

        for (String paging : List.of("limit=0", "limit=501", "limit=abc", "after=-1", "offset=3")) {
            ResponseEntity<JsonNode> refused = as(REVISOR).getForEntity("/api/audit/people/someone?" + paging,
                    JsonNode.class);
            assertThat(refused.getStatusCode()).as(paging).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
        }
        assertThat(as(REVISOR).getForEntity("/api/audit/beslut", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(anonymous.getForEntity("/api/admin/audit-reads", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(REVISOR).getForEntity("/api/admin/audit-reads", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void write(HttpMethod method, String path, String body, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        if (reason != null) {
            headers.set("X-Reason", reason);
        }
        ok(as(WRITER).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class));
    }

    private static List<String> entityKeys(JsonNode difference) {
        List<String> keys = new ArrayList<>();
        difference.get("entities").forEach(entity -> keys.add(entity.get("entityKey").asText()));
        return keys;
    }

    private JsonNode read(String path) {
        ResponseEntity<JsonNode> response = readOnce(path);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("GET " + path + " → " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody();
    }

    /** Reads as the revisor until the trail has caught up with the writes (projections are asynchronous). */
    private JsonNode awaitRead(String path, Predicate<JsonNode> caughtUp) throws InterruptedException {
        ResponseEntity<JsonNode> response = null;
        for (int i = 0; i < 200; i++) {
            response = readOnce(path);
            if (response.getStatusCode().is2xxSuccessful() && caughtUp.test(response.getBody())) {
                return response.getBody();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("GET " + path + " never caught up; last answer " + response.getStatusCode() + " "
                + response.getBody());
    }

    private ResponseEntity<JsonNode> readOnce(String path) {
        return as(REVISOR).getForEntity(path, JsonNode.class);
    }

    private org.springframework.boot.test.web.client.TestRestTemplate as(String person) {
        return anonymous.withBasicAuth(person, PASSWORD);
    }
}
