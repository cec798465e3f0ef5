package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Period results: a recorded figure is never changed; a correction shows everywhere and keeps the history. */
class UtfallIT extends LedgerIntegrationTest {

    @Test
    void a_corrected_utfall_shows_its_new_value_and_the_history_shows_both_with_who_and_why() throws Exception {
        givenPlan("UTF", 2025);
        ok(post("/api/utfall", """
                {"namnd": "UTF", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "82 %", "period": "maj 2025"}, "source": "Nationella väntetidsdatabasen",
                 "comment": "Mätning inom 0 dagar",
                 "breakdowns": [{"dimension": "SCOPE", "label": "Regionkansliet", "value": "84 %"}]}"""));
        ok(post("/api/utfall", """
                {"namnd": "UTF", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": {"form": "MISSING", "written": "Utfall kan ej lämnas", "kind": "DATA_UNAVAILABLE",
                                      "reason": "Underlaget från Cosmic är ännu inte kvalitetssäkrat"},
                            "period": "juni 2025"}}"""));
        ok(post("/api/utfall/corrections", """
                {"namnd": "UTF", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "81 %", "period": "maj 2025"},
                 "reason": "Leverantören rättade underlaget för maj"}"""));

        JsonNode may = awaitCorrected();
        assertThat(may.at("/figure/value/written").asText()).isEqualTo("81 %");
        assertThat(may.at("/corrections/0/previous/value/written").asText()).isEqualTo("82 %");
        assertThat(may.at("/corrections/0/value/value/written").asText()).isEqualTo("81 %");
        assertThat(may.at("/corrections/0/reason").asText()).isEqualTo("Leverantören rättade underlaget för maj");
        assertThat(may.at("/corrections/0/correctedBy").asText()).isEqualTo(PRINCIPAL);
        assertThat(may.get("recordedBy").asText()).isEqualTo(PRINCIPAL);

        JsonNode points = get("/api/indikatorer/telefontillganglighet-primarvard/series?namnd=UTF").get("points");
        assertThat(points.findValuesAsText("label")).containsSubsequence("maj 2025", "juni 2025");
        assertThat(points.get(1).at("/figure/value/form").asText()).isEqualTo("MISSING");
        assertThat(points.get(1).at("/figure/value/reason").asText()).contains("Cosmic");
    }

    @Test
    void bad_figures_are_refused_and_store_nothing() {
        givenPlan("UTB", 2025);
        ok(post("/api/utfall", """
                {"namnd": "UTB", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "82 %", "period": "maj 2025"}}"""));
        long before = eventCount();

        ResponseEntity<JsonNode> twice = post("/api/utfall", """
                {"namnd": "UTB", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "83 %", "period": "maj 2025"}}""");
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> neverRecorded = post("/api/utfall/corrections", """
                {"namnd": "UTB", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "70 %", "period": "april 2025"}, "reason": "Fel"}""");
        assertThat(neverRecorded.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(neverRecorded.getBody().get("field").asText()).isEqualTo("figure");

        ResponseEntity<JsonNode> withoutReason = post("/api/utfall/corrections", """
                {"namnd": "UTB", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "80 %", "period": "maj 2025"}}""");
        assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(withoutReason.getBody().get("field").asText()).isEqualTo("reason");

        // The series is at version 0: a writer who says they saw another is refused, not merged blindly.
        for (String[] write : new String[][]{{"/api/utfall", "{\"value\": \"84 %\", \"period\": \"juli 2025\"}", ""},
                {"/api/utfall/corrections", "{\"value\": \"80 %\", \"period\": \"maj 2025\"}", ", \"reason\": \"Rättat\""}}) {
            ResponseEntity<JsonNode> stale = send(HttpMethod.POST, write[0], """
                    {"namnd": "UTB", "indikatorId": "telefontillganglighet-primarvard", "figure": %s%s}"""
                    .formatted(write[1], write[2]), Map.of("If-Match", "\"3\""));
            assertThat(stale.getStatusCode()).as(write[0]).isEqualTo(HttpStatus.CONFLICT);
            assertThat(stale.getBody().get("field").asText()).isEqualTo("If-Match");
        }

        ResponseEntity<JsonNode> outsidePlanYear = post("/api/utfall", """
                {"namnd": "UTB", "indikatorId": "telefontillganglighet-primarvard", "planYear": 2025,
                 "figure": {"value": "82 %", "period": "2022"}}""");
        assertThat(outsidePlanYear.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(outsidePlanYear.getBody().get("field").asText()).isEqualTo("figure.period");

        ResponseEntity<JsonNode> unknownNamnd = post("/api/utfall", """
                {"namnd": "XXX", "indikatorId": "telefontillganglighet-primarvard",
                 "figure": {"value": "82 %", "period": "maj 2025"}}""");
        assertThat(unknownNamnd.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(eventCount()).isEqualTo(before);
    }

    /** The corrected point, once the series shows it (the catalogue's view of the indikator may come later). */
    private JsonNode awaitCorrected() throws InterruptedException {
        String series = "/api/indikatorer/telefontillganglighet-primarvard/series?namnd=UTF";
        return corrected(awaitGet(series, answer -> corrected(answer) != null));
    }

    private static JsonNode corrected(JsonNode series) {
        for (JsonNode point : series.get("points")) {
            if ("UTFALL".equals(point.get("origin").asText()) && point.get("corrections").size() > 0) {
                return point;
            }
        }
        return null;
    }
}
