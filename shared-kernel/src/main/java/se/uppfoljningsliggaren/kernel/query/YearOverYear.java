package se.uppfoljningsliggaren.kernel.query;

import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.util.List;

/**
 * Plan N against plan N−1 of one nämnd. Items are matched by identity, never by number: styrtal by their
 * catalogued indikator, goals by the indikatorer they share (else by kind and title), uppdrag by continues-from links,
 * rows of tables of figures by table id and row key.
 */
public final class YearOverYear {

    private YearOverYear() {
    }

    /** Plan year against the year before; with asOf, both plans as they stood at that instant. */
    public record GetYearOverYear(String namnd, int year, java.time.Instant asOf) {
    }

    public enum Change { ADDED, REMOVED, RENUMBERED, CHANGED, UNCHANGED }

    public record Comparison(String namnd, int year, int previousYear, List<GoalComparison> goals,
                             List<StyrtalComparison> styrtal, List<UppdragComparison> uppdrag,
                             List<FigureRowComparison> figureTables) {
    }

    /**
     * A row of a table of figures (nyckeltal, bidrag) against the year before: tables matched by their id, rows by
     * their key, both recorded by the writer as the identity across years (never by label or position).
     */
    public record FigureRowComparison(Change change, String tableId, String rowKey, FigureRowSide previous,
                                      FigureRowSide current) {
    }

    /** A row's figures as printed, each with the column it stands in. */
    public record FigureRowSide(String tableTitle, String label, List<FigureValue> values) {
    }

    public record FigureValue(String column, String columnLabel, String group, Integer year,
                              FigureTable.Basis basis, Varde value, String note) {
    }

    /** {@code matchedBy}: "indikatorer" or "title"; {@code changes} names what differs ("numbering", "title"). */
    public record GoalComparison(Change change, GoalKind kind, GoalSide previous, GoalSide current, String matchedBy,
                                 List<String> changes) {
    }

    public record GoalSide(String goalId, String numbering, String title) {
    }

    public record StyrtalComparison(Change change, String indikatorId, String indikatorName, StyrtalSide previous,
                                    StyrtalSide current, List<String> changes) {
    }

    public record StyrtalSide(String styrtalId, String goalNumbering, String numbering, String text,
                              Varde senastKanda, Varde arsMalvarde, Varde langsiktigtMalvarde) {
    }

    public record UppdragComparison(Change change, UppdragSide previous, UppdragSide current) {
    }

    public record UppdragSide(String uppdragId, String numbering, String text) {
    }
}
