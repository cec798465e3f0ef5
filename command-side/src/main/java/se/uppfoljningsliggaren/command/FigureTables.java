package se.uppfoljningsliggaren.command;

import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Cell;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Column;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Row;
import se.uppfoljningsliggaren.kernel.value.InvalidVardeException;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule for a table of figures, wherever it is recorded (a plan, a follow-up): columns and rows named once each,
 * a row's parent printed above it, every cell in a known column. Values are typed already (they keep their printed
 * form); nothing is summed or recomputed.
 */
public final class FigureTables {

    private static final int MAX_COLUMNS = 30;
    private static final int MAX_ROWS = 200;

    private FigureTables() {
    }

    public static FigureTable valid(FigureTable table) {
        Require.present(table, "table");
        Require.present(table.kind(), "table.kind");
        Require.text(table.title(), "table.title", 300);
        Require.optionalText(table.unit(), "table.unit", 40);
        List<Column> columns = table.columns();
        if (columns.isEmpty() || columns.size() > MAX_COLUMNS) {
            throw CommandRejectedException.invalid("table.columns", "a table has 1–" + MAX_COLUMNS + " columns");
        }
        Set<String> columnKeys = new HashSet<>();
        for (Column column : columns) {
            Require.present(column, "table.columns");
            if (!columnKeys.add(Require.id(column.key(), "table.columns.key"))) {
                throw CommandRejectedException.invalid("table.columns.key", "column " + column.key() + " is given twice");
            }
            Require.text(column.label(), "table.columns.label", 100);
            Require.optionalText(column.group(), "table.columns.group", 200);
            Require.present(column.basis(), "table.columns.basis");
            if (column.year() != null) {
                Require.year(column.year(), "table.columns.year");
            }
        }
        if (table.rows().isEmpty() || table.rows().size() > MAX_ROWS) {
            throw CommandRejectedException.invalid("table.rows", "a table has 1–" + MAX_ROWS + " rows");
        }
        Set<String> rowKeys = new HashSet<>();
        for (Row row : table.rows()) {
            Require.present(row, "table.rows");
            Require.id(row.key(), "table.rows.key");
            if (row.parent() != null && !rowKeys.contains(row.parent())) {
                throw CommandRejectedException.unknown("table.rows.parent",
                        "a parent row is printed above its part: " + row.parent());
            }
            if (!rowKeys.add(row.key())) {
                throw CommandRejectedException.invalid("table.rows.key", "row " + row.key() + " is given twice");
            }
            Require.text(row.label(), "table.rows.label", 300);
            Set<String> filled = new HashSet<>();
            for (Cell cell : row.cells()) {
                Require.present(cell, "table.rows.cells");
                if (!columnKeys.contains(cell.column())) {
                    throw CommandRejectedException.invalid("table.rows.cells.column",
                            "the table has no column " + cell.column());
                }
                if (!filled.add(cell.column())) {
                    throw CommandRejectedException.invalid("table.rows.cells.column",
                            "row " + row.key() + " has two cells in column " + cell.column());
                }
                Require.present(cell.value(), "table.rows.cells.value");
                Require.optionalText(cell.note(), "table.rows.cells.note", 20);
            }
        }
        for (String note : table.notes()) {
            Require.text(note, "table.notes", 4000);
        }
        return new FigureTable(table.kind(), table.title(), table.unit(), columns, table.rows().stream()
                .map(row -> new Row(row.key(), row.label(), row.parent(), row.cells().stream()
                        .map(cell -> new Cell(cell.column(), figure(cell.value()), cell.note())).toList()))
                .toList(), table.notes());
    }

    /**
     * A signed figure in a table ("-4,9" of a lönekostnadsökningstakt) is the figure as printed, not the change target
     * the same text is in a styrtal's målvärde; what does not read as an amount keeps the type it was read as.
     */
    private static Varde figure(Varde value) {
        if (value instanceof Varde.Change change) {
            try {
                return VardeParser.amount(change.written());
            } catch (InvalidVardeException notAnAmount) {
                return value;
            }
        }
        return value;
    }
}
