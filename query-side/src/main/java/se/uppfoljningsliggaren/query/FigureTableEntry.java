package se.uppfoljningsliggaren.query;

import se.uppfoljningsliggaren.kernel.query.PlanViews.FigureTableView;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.FigureTable;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A table of figures as a read document (plan or follow-up) stores it: with the version that first recorded it,
 * since jsonb does not keep map order and the view shows tables in the order they were first recorded.
 */
public record FigureTableEntry(long addedIn, String tableId, FigureTable table, Beslut revisedBy) {

    /** Records the table under its id; recorded again, it keeps its place and shows the new content. */
    public static void record(Map<String, FigureTableEntry> tables, long version, String tableId, FigureTable table,
                              Beslut beslut) {
        FigureTableEntry old = tables.get(tableId);
        tables.put(tableId, new FigureTableEntry(old == null ? version : old.addedIn(), tableId, table, beslut));
    }

    public static List<FigureTableView> views(Map<String, FigureTableEntry> tables) {
        return tables.values().stream().sorted(Comparator.comparingLong(FigureTableEntry::addedIn))
                .map(FigureTableEntry::view).toList();
    }

    public FigureTableView view() {
        return new FigureTableView(tableId, table.kind(), table.title(), table.unit(), table.columns(), table.rows(),
                table.notes(), revisedBy);
    }
}
