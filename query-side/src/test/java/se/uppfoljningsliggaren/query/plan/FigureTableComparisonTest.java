package se.uppfoljningsliggaren.query.plan;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.query.PlanViews.FigureTableView;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.Change;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.FigureRowComparison;
import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Basis;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Cell;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Column;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Row;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of tables of figures against the year before: paired by table id and row key, never by label. */
class FigureTableComparisonTest {

    private static final Column BUDGET = new Column("budget", "Budget", null, null, Basis.BUDGET, null);

    private static FigureTableView nyckeltal(Row... rows) {
        return new FigureTableView("nyckeltal", FigureTable.Kind.NYCKELTAL, "Ekonomiska nyckeltal", "Procent",
                List.of(BUDGET), List.of(rows), List.of(), null);
    }

    private static Row row(String key, String label, String budget) {
        return new Row(key, label, null, List.of(new Cell("budget", VardeParser.parse(budget), null)));
    }

    @Test
    void a_renamed_row_is_the_same_measure_and_a_row_with_a_known_label_but_a_new_key_is_new() {
        List<FigureRowComparison> rows = FigureTableComparison.compare(
                List.of(nyckeltal(row("takt", "Lönekostnadsökningstakt", "3,4"),
                        row("andel", "Personalkostnadsandel", "25"))),
                List.of(nyckeltal(row("takt", "Lönekostnadsökningstakt (procent)", "5,2"),
                        row("andel-ny", "Personalkostnadsandel", "25"))));
        assertThat(rows).extracting(FigureRowComparison::rowKey, FigureRowComparison::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("takt", Change.CHANGED),
                org.assertj.core.groups.Tuple.tuple("andel-ny", Change.NEW),
                org.assertj.core.groups.Tuple.tuple("andel", Change.DROPPED));
        assertThat(rows.get(0).previous().values().get(0).value().written()).isEqualTo("3,4");
        assertThat(rows.get(0).current().values().get(0).value().written()).isEqualTo("5,2");
    }

    @Test
    void the_same_label_and_printed_figures_are_unchanged() {
        List<FigureRowComparison> rows = FigureTableComparison.compare(
                List.of(nyckeltal(row("takt", "Lönekostnadsökningstakt", "3,4"))),
                List.of(nyckeltal(row("takt", "Lönekostnadsökningstakt", "3,4"))));
        assertThat(rows).singleElement().extracting(FigureRowComparison::change).isEqualTo(Change.UNCHANGED);
    }
}
