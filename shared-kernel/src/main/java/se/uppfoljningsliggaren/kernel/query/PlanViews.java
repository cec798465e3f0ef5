package se.uppfoljningsliggaren.kernel.query;

import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Breakdown;
import se.uppfoljningsliggaren.kernel.value.BudgetColumn;
import se.uppfoljningsliggaren.kernel.value.BudgetKind;
import se.uppfoljningsliggaren.kernel.value.Direction;
import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.PlanStatus;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Result types of the plan queries. */
public final class PlanViews {

    private PlanViews() {
    }

    public record PlanSummary(String planId, String namnd, String namndName, int year, String title, PlanStatus status,
                              Beslut adoptedBy, long version, Instant lastChangedAt) {
    }

    /**
     * A plan as it stands: the goal tree with styrtal, uppdrag and aktiviteter, the budget in the version it shows,
     * the status and the beslut it rests on, the revisions decided since, and its recorded continuity with the year
     * before. {@code provenance}: where each item comes from, by its audit-trail key (goal:RS-2026:m1,
     * budget-line:RS-2026:drift.hv …), the provenance of the write that last set it; an item without an entry was
     * last set by a write that gave no source. Statements about an item are beside it: {@code <key>#adoption},
     * {@code <key>#continuity}, {@code plan:<planId>#dropped:<kind>:<id>}.
     */
    public record PlanView(String planId, String namnd, String namndName, int year, String title,
                           List<Integer> planningYears, PlanStatus status, Beslut adoptedBy, long version,
                           Instant lastChangedAt, List<GoalNode> goals, List<UppdragNode> uppdragOutsideGoals,
                           BudgetView budget, List<Revision> revisions, List<FigureTableView> figureTables,
                           PlanContinuity continuity, Map<String, Provenance> provenance) {
    }

    /**
     * A table of figures (nyckeltal, bidrag, personalekonomi) as printed, each cell in its printed form; rows in
     * printed order, a row's key its identity across years. {@code revisedBy}: the beslut of its last recording
     * after fastställande.
     */
    public record FigureTableView(String tableId, FigureTable.Kind kind, String title, String unit,
                                  List<FigureTable.Column> columns, List<FigureTable.Row> rows, List<String> notes,
                                  Beslut revisedBy) {
    }

    /**
     * What the plan records of its identity with the same nämnd's plan of the year before ({@code previousPlanId}):
     * per item, the earlier item it continues or that it is new; the earlier items it does not continue. An item in
     * neither list has no recorded continuity.
     */
    public record PlanContinuity(String previousPlanId, List<ContinuityLink> links, List<DroppedItem> dropped) {
    }

    /** {@code newItem}: said to continue nothing; otherwise it continues {@code previousItemId}. */
    public record ContinuityLink(PlanItemKind kind, String itemId, String previousItemId, boolean newItem) {
    }

    public record DroppedItem(PlanItemKind kind, String previousItemId, String reason) {
    }

    public record GoalNode(String goalId, GoalKind kind, GoalOrigin origin, String numbering, String title,
                           String description, List<StyrtalNode> styrtal, List<UppdragNode> uppdrag,
                           List<AktivitetNode> aktiviteter, List<GoalNode> children, Beslut revisedBy) {
    }

    public record StyrtalNode(String styrtalId, String indikatorId, String indikatorName, String numbering, String text,
                              String unit, Direction direction, PeriodValue senastKanda, Varde arsMalvarde,
                              Varde langsiktigtMalvarde, List<Breakdown> breakdowns, Beslut revisedBy) {
    }

    /** An uppdrag in a plan; for an RF uppdrag, number and text are the region-wide ones. */
    public record UppdragNode(String uppdragId, UppdragSource source, Integer rfYear, String numbering, String text,
                              String assignee, String continuesFrom, List<AktivitetNode> aktiviteter) {
    }

    public record AktivitetNode(String aktivitetId, String text) {
    }

    /** The budget in the version shown: "utkast", "beslutad" at fastställande, "aktuell" after a change by beslut. */
    public record BudgetView(int version, String versionName, Beslut versionBeslut, List<BudgetTableView> tables) {
    }

    /** {@code notes}: the footnotes and definitions printed with the table. */
    public record BudgetTableView(String tableId, BudgetKind kind, String title, List<BudgetColumn> columns,
                                  List<String> notes, List<BudgetLineView> lines) {
    }

    /**
     * Amounts as decided, and beside them the cells as printed ({@code printed}: "-2 314,7", or words with no amount;
     * null where no printed form was recorded); {@code beslutadAmounts} and {@code beslutadPrinted} show what
     * fastställandet said where it differs.
     */
    public record BudgetLineView(String lineId, String parentLineId, int depth, String label,
                                 Map<String, BigDecimal> amounts, Map<String, Varde> printed,
                                 Map<String, BigDecimal> beslutadAmounts, Map<String, Varde> beslutadPrinted) {
    }

    /** A change decided after fastställande, with the beslut it cites. */
    public record Revision(long version, String eventType, String itemId, Beslut beslut, String principal, Instant at) {
    }

    public record NamndView(String code, String name, String forvaltning) {
    }

    public record IndikatorView(String indikatorId, String name, String unit, String description) {
    }

    public record RfUppdragView(String rfUppdragId, int year, int nr, String text, List<String> givenTo,
                                String continuesFrom) {
    }

    /** One indikator in every plan that uses it, oldest year first. */
    public record IndikatorUsage(IndikatorView indikator, List<IndikatorUse> uses) {
    }

    public record IndikatorUse(String planId, String namnd, int year, PlanStatus status, String styrtalId,
                               String goalNumbering, String goalTitle, String numbering, String text,
                               PeriodValue senastKanda, Varde arsMalvarde, Varde langsiktigtMalvarde,
                               List<Breakdown> breakdowns) {
    }
}
