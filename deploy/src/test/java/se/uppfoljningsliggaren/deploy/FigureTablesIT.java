package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables of figures over HTTP: recorded as printed, and compared with the year before by their recorded keys. */
class FigureTablesIT extends LedgerIntegrationTest {

    /** SN's ekonomiska nyckeltal as 004 §6.2 prints them, for a plan year and the year before. */
    private static String nyckeltal(int year, String rows) {
        return """
                {"kind": "NYCKELTAL", "title": "Ekonomiska nyckeltal", "unit": "Procent",
                 "columns": [{"key": "budget", "label": "Budget %1$d", "year": %1$d, "basis": "BUDGET"},
                             {"key": "prognos-prev", "label": "Prognos %2$d", "year": %2$d, "basis": "PROGNOS"},
                             {"key": "budget-prev", "label": "Budget %2$d", "year": %2$d, "basis": "BUDGET"}],
                 "rows": [%3$s]}""".formatted(year, year - 1, rows);
    }

    @Test
    void a_key_figure_is_compared_with_the_year_before_by_its_key_not_its_label() {
        givenPlan("NYK", 2025);
        ok(post("/api/plans", """
                {"namnd": "NYK", "year": 2026, "title": "Verksamhetsplan med budget 2026"}"""));
        ok(send(HttpMethod.PUT, "/api/plans/NYK-2025/figure-tables/nyckeltal", nyckeltal(2025, """
                {"key": "lonekostnadsokningstakt", "label": "Lönekostnadsökningstakt",
                 "cells": [{"column": "budget", "value": "-5,7"}, {"column": "budget-prev", "value": "3,4"}]},
                {"key": "personalkostnadsandel", "label": "Personalkostnadsandel",
                 "cells": [{"column": "budget", "value": "25 %"}]}"""), Map.of()));
        ResponseEntity<JsonNode> current = ok(send(HttpMethod.PUT, "/api/plans/NYK-2026/figure-tables/nyckeltal",
                nyckeltal(2026, """
                {"key": "lonekostnadsokningstakt", "label": "Lönekostnadsökningstakt (procent)",
                 "cells": [{"column": "budget", "value": "4,9"}, {"column": "prognos-prev", "value": "-4,9"},
                           {"column": "budget-prev", "value": "-5,7"}]}"""), Map.of()));
        get("/api/plans/NYK-2025?minVersion=1");
        JsonNode plan = get("/api/plans/NYK-2026?minVersion=" + current.getBody().get("version").asLong());
        assertThat(plan.at("/figureTables/0/rows/0/cells/1/value/written").asText()).isEqualTo("-4,9");

        JsonNode rows = get("/api/plans/NYK/2026/year-over-year").get("figureTables");
        assertThat(rows).hasSize(2);
        JsonNode takt = rows.get(0);
        assertThat(takt.get("change").asText()).isEqualTo("CHANGED");
        assertThat(takt.get("rowKey").asText()).isEqualTo("lonekostnadsokningstakt");
        assertThat(takt.at("/previous/label").asText()).isEqualTo("Lönekostnadsökningstakt");
        assertThat(takt.at("/previous/values/0/value/written").asText()).isEqualTo("-5,7");
        assertThat(takt.at("/previous/values/0/year").asInt()).isEqualTo(2025);
        assertThat(takt.at("/current/values/0/value/written").asText()).isEqualTo("4,9");
        assertThat(takt.at("/current/values/0/columnLabel").asText()).isEqualTo("Budget 2026");
        assertThat(rows.get(1).get("change").asText()).isEqualTo("DROPPED");
        assertThat(rows.get(1).get("rowKey").asText()).isEqualTo("personalkostnadsandel");
    }

    @Test
    void a_cell_outside_the_tables_columns_is_refused_naming_the_field() {
        givenPlan("NYQ", 2026);
        ResponseEntity<JsonNode> refused = send(HttpMethod.PUT, "/api/plans/NYQ-2026/figure-tables/nyckeltal",
                nyckeltal(2026, """
                {"key": "lonekostnadsokningstakt", "label": "Lönekostnadsökningstakt",
                 "cells": [{"column": "budget-2030", "value": "4,9"}]}"""), Map.of());
        assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
        assertThat(refused.getBody().toString()).contains("table.rows.cells.column");
        List<String> events = new ArrayList<>(jdbc.queryForList("SELECT payload_type FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'NYQ-2026'", String.class));
        assertThat(events).hasSize(1);
    }
}
