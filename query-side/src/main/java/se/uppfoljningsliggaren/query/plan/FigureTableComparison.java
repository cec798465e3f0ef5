package se.uppfoljningsliggaren.query.plan;

import se.uppfoljningsliggaren.kernel.query.PlanViews.FigureTableView;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.Change;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.FigureRowComparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.FigureRowSide;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.FigureValue;
import se.uppfoljningsliggaren.kernel.value.FigureTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tables of figures of two plans, row by row: a table is the same table by its id and a row the same measure by
 * its key, as the writer recorded them. Nothing is matched by label, so a renamed row stays the same measure and two
 * rows with one label stay apart.
 */
final class FigureTableComparison {

    private FigureTableComparison() {
    }

    /** Current rows in the current plan's order (with what they were), then the rows no longer printed. */
    static List<FigureRowComparison> compare(List<FigureTableView> previous, List<FigureTableView> current) {
        Map<String, FigureRowSide> before = sides(previous);
        Map<String, FigureRowSide> now = sides(current);
        List<FigureRowComparison> result = new ArrayList<>();
        now.forEach((key, side) -> {
            FigureRowSide old = before.get(key);
            Change change = old == null ? Change.NEW : sameFigures(old, side) ? Change.UNCHANGED : Change.CHANGED;
            result.add(comparison(change, key, old, side));
        });
        before.forEach((key, side) -> {
            if (!now.containsKey(key)) {
                result.add(comparison(Change.DROPPED, key, side, null));
            }
        });
        return result;
    }

    private static FigureRowComparison comparison(Change change, String key, FigureRowSide previous,
                                                  FigureRowSide current) {
        int split = key.indexOf('\n');
        return new FigureRowComparison(change, key.substring(0, split), key.substring(split + 1), previous, current);
    }

    /** Keyed by table id and row key (a newline between them: neither id may hold one). */
    private static Map<String, FigureRowSide> sides(List<FigureTableView> tables) {
        Map<String, FigureRowSide> sides = new LinkedHashMap<>();
        for (FigureTableView table : tables) {
            Map<String, FigureTable.Column> columns = new LinkedHashMap<>();
            table.columns().forEach(c -> columns.put(c.key(), c));
            for (FigureTable.Row row : table.rows()) {
                List<FigureValue> values = row.cells().stream().map(cell -> {
                    FigureTable.Column column = columns.get(cell.column());
                    return new FigureValue(column.key(), column.label(), column.group(), column.year(),
                            column.basis(), cell.value(), cell.note());
                }).toList();
                sides.put(table.tableId() + "\n" + row.key(), new FigureRowSide(table.title(), row.label(), values));
            }
        }
        return sides;
    }

    /** The same label and, column by column, the same printed figures (a year's column is compared by its year). */
    private static boolean sameFigures(FigureRowSide a, FigureRowSide b) {
        return a.label().equals(b.label()) && printed(a).equals(printed(b));
    }

    private static List<String> printed(FigureRowSide side) {
        return side.values().stream().map(v -> Objects.toString(v.year()) + "|" + v.basis() + "|" + v.group() + "|"
                + v.columnLabel() + "|" + v.value().written()).toList();
    }
}
