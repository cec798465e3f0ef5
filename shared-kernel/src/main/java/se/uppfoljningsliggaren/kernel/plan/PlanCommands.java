package se.uppfoljningsliggaren.kernel.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.BudgetColumn;
import se.uppfoljningsliggaren.kernel.value.BudgetKind;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.StyrtalContent;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Commands on a nämnd's verksamhetsplan. {@code expectedVersion} is the plan version the caller saw (null: no
 * check); {@code revisionBeslut} is required once the plan is fastställd.
 */
public final class PlanCommands {

    private PlanCommands() {
    }

    public record CreatePlan(@TargetAggregateIdentifier String planId, String namndCode, int year, String title,
                             List<Integer> planningYears) {
    }

    public record AddGoal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                          String goalId, String parentGoalId, GoalKind kind, GoalOrigin origin, String numbering,
                          String title, String description, Beslut revisionBeslut) {
    }

    public record ReviseGoal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                             String goalId, String numbering, String title, String description,
                             Beslut revisionBeslut) {
    }

    public record AddStyrtal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                             String styrtalId, String goalId, String indikatorId, StyrtalContent content,
                             Beslut revisionBeslut) {
    }

    public record ReviseStyrtal(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                                String styrtalId, StyrtalContent content, Beslut revisionBeslut) {
    }

    public record ReceiveRfUppdrag(@TargetAggregateIdentifier String planId,
                                   @TargetAggregateVersion Long expectedVersion, String rfUppdragId, String goalId,
                                   Beslut revisionBeslut) {
    }

    public record AddUppdrag(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                             String uppdragId, String goalId, UppdragSource source, String numbering, String text,
                             String assignee, String continuesFrom, Beslut revisionBeslut) {
    }

    public record AddAktivitet(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                               String aktivitetId, String goalId, String uppdragId, String text,
                               Beslut revisionBeslut) {
    }

    /** Records a table of figures (nyckeltal, bidrag) as printed; again under the same id, it replaces it. */
    public record RecordPlanFigureTable(@TargetAggregateIdentifier String planId,
                                        @TargetAggregateVersion Long expectedVersion, String tableId,
                                        se.uppfoljningsliggaren.kernel.value.FigureTable table,
                                        Beslut revisionBeslut) {
    }

    /** {@code notes}: the footnotes and definitions the document prints with the table, in order. */
    public record AddBudgetTable(@TargetAggregateIdentifier String planId,
                                 @TargetAggregateVersion Long expectedVersion, String tableId, BudgetKind kind,
                                 String title, List<BudgetColumn> columns, Beslut revisionBeslut, List<String> notes) {

        public AddBudgetTable(String planId, Long expectedVersion, String tableId, BudgetKind kind, String title,
                              List<BudgetColumn> columns, Beslut revisionBeslut) {
            this(planId, expectedVersion, tableId, kind, title, columns, revisionBeslut, List.of());
        }
    }

    /**
     * Amounts per column: read from {@code printed} (the cells as printed), or given as numbers by a writer that has no
     * printed form; a column given both ways must agree.
     */
    public record AddBudgetLine(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                                String lineId, String tableId, String parentLineId, String label,
                                Map<String, BigDecimal> amounts, Map<String, Varde> printed, Beslut revisionBeslut) {
    }

    /** A change of budget after fastställande (tilläggsbudget, omfördelning): makes the budget "aktuell". */
    public record ReviseBudgetLine(@TargetAggregateIdentifier String planId,
                                   @TargetAggregateVersion Long expectedVersion, String lineId,
                                   Map<String, BigDecimal> amounts, Map<String, Varde> printed, Beslut revisionBeslut) {
    }

    /** The item continues {@code previousItemId} of the same nämnd's plan of the year before. */
    public record ContinueItem(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                               PlanItemKind kind, String itemId, String previousItemId, Beslut revisionBeslut) {
    }

    /** The item continues nothing of the year before. */
    public record MarkItemNew(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                              PlanItemKind kind, String itemId, Beslut revisionBeslut) {
    }

    /** An item of the year before's plan is not continued by this one. */
    public record DropPreviousItem(@TargetAggregateIdentifier String planId,
                                   @TargetAggregateVersion Long expectedVersion, PlanItemKind kind,
                                   String previousItemId, String reason, Beslut revisionBeslut) {
    }

    public record AdoptPlan(@TargetAggregateIdentifier String planId, @TargetAggregateVersion Long expectedVersion,
                            Beslut beslut) {
    }
}
