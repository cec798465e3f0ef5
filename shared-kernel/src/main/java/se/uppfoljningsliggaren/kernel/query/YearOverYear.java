package se.uppfoljningsliggaren.kernel.query;

import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.util.List;

/**
 * Plan N against plan N−1 of one nämnd, built only from recorded continuity: the links plan N records (an item
 * continues one of N−1, is new, or an item of N−1 is not continued) and, for RF uppdrag, the region-wide link
 * recorded when the uppdrag was issued. Nothing is matched by number, title or indikator; an item without a recorded
 * link is shown as unlinked. Each styrtal is its own row, also when two share an indikator. Rows of tables of
 * figures are matched by table id and row key.
 */
public final class YearOverYear {

    private YearOverYear() {
    }

    /** Plan year against the year before; with asOf, both plans as they stood at that instant. */
    public record GetYearOverYear(String namnd, int year, java.time.Instant asOf) {
    }

    /**
     * A pair of linked items is {@code UNCHANGED}, {@code RENUMBERED} (only its numbering differs) or
     * {@code CHANGED}; {@code NEW} is an item of N said to continue nothing; {@code DROPPED} an item of N−1 that N
     * says it does not continue; {@code UNLINKED} an item of either year about which nothing is recorded.
     */
    public enum Change { UNCHANGED, RENUMBERED, CHANGED, NEW, DROPPED, UNLINKED }

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

    /** {@code changes} names what differs in a linked pair; {@code reason} why an item was dropped, if given. */
    public record GoalComparison(Change change, GoalKind kind, GoalSide previous, GoalSide current,
                                 List<String> changes, String reason) {
    }

    public record GoalSide(String goalId, String numbering, String title) {
    }

    public record StyrtalComparison(Change change, StyrtalSide previous, StyrtalSide current, List<String> changes,
                                    String reason) {
    }

    public record StyrtalSide(String styrtalId, String indikatorId, String indikatorName, String goalNumbering,
                              String numbering, String text, Varde senastKanda, Varde arsMalvarde,
                              Varde langsiktigtMalvarde) {
    }

    /** {@code linkedIn}: "plan" (the plan's own link) or "catalogue" (an RF uppdrag's region-wide link). */
    public record UppdragComparison(Change change, UppdragSide previous, UppdragSide current, List<String> changes,
                                    String linkedIn, String reason) {
    }

    public record UppdragSide(String uppdragId, String numbering, String text) {
    }

    /** Suggested links for a plan's items without recorded continuity. */
    public record GetContinuitySuggestions(String planId) {
    }

    /**
     * Suggestions only, by a heuristic ({@code method}); nothing here is recorded or used by year-over-year until
     * a person records the link.
     */
    public record ContinuitySuggestions(String planId, String previousPlanId, String method,
                                        List<ContinuitySuggestion> suggestions) {
    }

    /** {@code basis}: "indikatorer" (a goal sharing them), "title" (same kind and title), "indikator" (a styrtal). */
    public record ContinuitySuggestion(PlanItemKind kind, String itemId, String previousItemId, String basis) {
    }
}
