package se.uppfoljningsliggaren.kernel.value;

import java.util.List;

/**
 * A table of figures as a plan or a follow-up prints it, beside the goals and the budget: ekonomiska nyckeltal
 * (percentages per year), bidrag to external verksamheter (kr per year), the personalekonomi of a
 * verksamhetsberättelse (lönekostnad, årsarbetare, sjukfrånvaro by kön). Every cell keeps its printed form
 * ({@link Varde}: "4,9", "3 083 000", "Belopp ännu ej fastställt"); a cell blank in print is absent, never 0.
 *
 * @param unit  the unit the table prints over its figures ("Procent", "kr", "mnkr"), as printed; null if none
 * @param rows  in printed order; a row's {@code key} is its identity across years: the same key in the table of the
 *              same id in another year's plan or follow-up is the same measure, whatever its label says
 * @param notes footnotes and definitions printed under the table, in order
 */
public record FigureTable(Kind kind, String title, String unit, List<Column> columns, List<Row> rows,
                          List<String> notes) {

    public FigureTable {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * NYCKELTAL, BIDRAG and PERSONALEKONOMI as named; UNDERLAG the figures a budget text rests on (antal listade,
     * ersättning per åldersgrupp, a planram, what the nämnd omsätter), whether printed as a table or in prose;
     * HANDLINGSPLAN the follow-up of a decided handlingsplan; INVESTERING the investments a follow-up reports.
     */
    public enum Kind { NYCKELTAL, BIDRAG, PERSONALEKONOMI, UNDERLAG, HANDLINGSPLAN, INVESTERING }

    /** What a column's figures are: planned, forecast, outcome, an amount, a change between years, or words. */
    public enum Basis { BUDGET, PROGNOS, UTFALL, BELOPP, CHANGE, TEXT }

    /**
     * A printed column: "Budget 2026"; or, under a heading spanning several ("Utfall jan - dec 2024"), one part of a
     * breakdown ("Kvinnor", dimension SEX).
     *
     * @param year the year its figures are for (null for a change between years or a text column)
     */
    public record Column(String key, String label, String group, Integer year, Basis basis,
                         Breakdown.Dimension dimension) {
    }

    /** @param parent the key of the row this one is part of ("varav"), printed above it; null at the top */
    public record Row(String key, String label, String parent, List<Cell> cells) {
        public Row {
            cells = cells == null ? List.of() : List.copyOf(cells);
        }
    }

    /** @param note a footnote mark printed beside the value ("1)"), explained in the table's notes */
    public record Cell(String column, Varde value, String note) {
    }
}
