package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.IndikatorStatus;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.util.List;

/** Queries and result types of follow-up occasions. */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    /** @param asOf null for now; else the follow-up, and the plan it follows up, as they stood then */
    public record GetFollowUpReport(String occasionId, java.time.Instant asOf) {

        public GetFollowUpReport(String occasionId) {
            this(occasionId, null);
        }
    }

    /**
     * Regionstyrelsen's uppsiktsplikt: every nämnd's follow-up of one kind for a year, in one answer.
     *
     * @param asOf null for now; else the overview as it stood then (after the events stamped at or before it)
     */
    public record GetOverview(int year, OccasionKind kind, java.time.Instant asOf) {
    }

    public record Overview(int year, OccasionKind kind, List<OverviewRow> namnder) {
    }

    /**
     * One nämnd in the overview: its summary table, the budgetavvikelse of its resultatrapport's total line (computed,
     * and beside it as the line prints it, null where no printed form was recorded), how many of its follow-ups this
     * year are fastställda, its internal control (åtgärder by status, ISK outcome), and where to drill down.
     */
    public record OverviewRow(String namnd, String namndName, String occasionId, boolean faststalld,
                              List<SummaryRow> summary, java.math.BigDecimal budgetavvikelse,
                              Varde budgetavvikelsePrinted,
                              String budgetavvikelseLine, int followUpsThisYear, int followUpsFaststallda,
                              String reportLink, String planLink,
                              se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverviewRow internkontroll) {
    }

    /**
     * A follow-up report shaped like a verksamhetsberättelse's chapter 3: the goal tree of the plan, each goal and
     * uppdrag with its assessment, each indikator with målvärde, utfall and status; and the summary table.
     * {@code provenance}: where each assessment, the resultatrapport (occasion:…#resultatrapport), the adoption
     * (occasion:…#adoption) and each figure table comes from, by audit-trail key, as the write that last set it gave
     * it; and the plan's goals, styrtal and uppdrag as the plan view gives them.
     */
    public record FollowUpReport(String occasionId, String namnd, int year, OccasionKind kind, Period period,
                                 boolean faststalld, Beslut adoptedBy, String planId, List<SummaryRow> summary,
                                 List<ReportGoal> goals, List<ReportUppdrag> uppdragOutsideGoals,
                                 ResultatrapportView resultatrapport,
                                 List<se.uppfoljningsliggaren.kernel.query.PlanViews.FigureTableView> figureTables,
                                 java.util.Map<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance) {
    }

    /**
     * The resultatrapport with budgetavvikelse (utfall − budget) and förändring (utfall − utfall året innan);
     * {@code budgetVersion} null where the source does not say which budget it compares against.
     */
    public record ResultatrapportView(String title, String budgetVersion, List<ResultatLineView> lines) {

        /**
         * The printed total: a top-level line named "Totalt…", else the last top-level line with an avvikelse. Never
         * a recomputed sum.
         */
        public java.util.Optional<ResultatLineView> totalLine() {
            List<ResultatLineView> topLevel = lines.stream()
                    .filter(l -> l.depth() == 0 && l.budgetavvikelse() != null).toList();
            return topLevel.stream().filter(l -> l.label().toLowerCase().startsWith("totalt")).findFirst()
                    .or(() -> topLevel.isEmpty() ? java.util.Optional.empty()
                            : java.util.Optional.of(topLevel.get(topLevel.size() - 1)));
        }
    }

    /**
     * {@code printed}: the amounts as printed, beside the numbers, and the budgetavvikelse and förändring as the row
     * prints them beside the computed ones (null where no printed form was recorded).
     */
    public record ResultatLineView(String lineId, String parentLineId, int depth, String label,
                                   java.math.BigDecimal utfall, java.math.BigDecimal budget,
                                   java.math.BigDecimal budgetavvikelse, java.math.BigDecimal utfallPreviousYear,
                                   java.math.BigDecimal forandring, java.math.BigDecimal prognos,
                                   java.util.Map<String, Varde> printed) {
    }

    /** {@code suggestedColour} is the ledger's computation from the indikatorer, beside the nämnd's assessment. */
    public record ReportGoal(String goalId, GoalKind kind, GoalOrigin origin, String numbering, String title,
                             ItemAssessmentView assessment, Colour suggestedColour, List<ReportIndikator> indikatorer,
                             List<ReportUppdrag> uppdrag, List<ReportGoal> children) {
    }

    public record ReportUppdrag(String uppdragId, UppdragSource source, String numbering, String text,
                                ItemAssessmentView assessment) {
    }

    /** The recorded status and utfall, and the ledger's suggested colour (with its rule) and trend beside them. */
    public record ReportIndikator(String styrtalId, String indikatorId, String numbering, String text,
                                  Varde arsMalvarde, IndikatorStatus status, PeriodValue utfall, String comment,
                                  Colour suggestedColour, String suggestionRule, Trend suggestedTrend) {
    }

    public record ItemAssessmentView(Colour colour, String notAssessedReason, Trend trend, String comment,
                                     boolean reconstructed, Beslut revisedBy) {
    }

    /**
     * One category of the summary table (RF's goals, the nämnd's own goals, the nämnd's uppdrag, RF's uppdrag):
     * counts per colour, and the items behind each count.
     */
    public record SummaryRow(String category, int total, int gron, int gul, int rod, int notAssessed,
                             int notYetAssessed, List<ItemRef> items) {
    }

    public record ItemRef(String itemId, String label, Colour colour) {
    }
}
