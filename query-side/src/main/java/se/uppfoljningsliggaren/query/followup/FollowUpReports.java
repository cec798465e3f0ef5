package se.uppfoljningsliggaren.query.followup;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.*;
import se.uppfoljningsliggaren.kernel.followup.IndikatorAssessed;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.ResultatLine;
import se.uppfoljningsliggaren.kernel.followup.Suggestion;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.GetPlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.GoalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.UppdragNode;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The follow-up report computed from an occasion's document and the plan's view, both as of one moment. Pure, so
 * the report handler and the overview projection compute the same report from the same inputs.
 */
public final class FollowUpReports {

    /** The categories of the summary table, in the order a verksamhetsberättelse prints them. */
    static final String RF_GOALS = "Mål från regionfullmäktige";
    static final String OWN_GOALS = "Nämndens mål";
    static final String OWN_UPPDRAG = "Nämndens uppdrag";
    static final String RF_UPPDRAG = "Uppdrag från regionfullmäktige";

    private FollowUpReports() {
    }

    public static FollowUpReport report(OccasionDocument occasion, PlanView plan, java.math.BigDecimal gulTolerancePercent) {
        Summary summary = new Summary();
        List<ReportGoal> goals = plan.goals().stream().map(g -> goal(g, occasion, summary, gulTolerancePercent))
                .toList();
        List<ReportUppdrag> loose = plan.uppdragOutsideGoals().stream().map(u -> uppdrag(u, occasion, summary)).toList();
        return new FollowUpReport(occasion.occasionId, occasion.namndCode, occasion.year, occasion.kind,
                occasion.period, occasion.adoptedBy != null, occasion.adoptedBy, occasion.planId, summary.rows(), goals,
                loose, resultatrapport(occasion.resultatrapport),
                se.uppfoljningsliggaren.query.FigureTableEntry.views(occasion.figureTables), provenance(occasion, plan));
    }

    /** Where the report's items come from: the plan's goals, styrtal and uppdrag, and the follow-up's own. */
    private static java.util.SortedMap<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance(
            OccasionDocument occasion, PlanView plan) {
        var provenance = new java.util.TreeMap<>(plan.provenance());
        provenance.putAll(occasion.provenance);
        return provenance;
    }

    /**
     * What the uppsiktsplikt overview shows of one occasion. {@code adopted}: the occasion is fastställd (counted
     * among the year's follow-ups); {@code faststalld}: as its report says (no report while the plan has no view).
     */
    public record OverviewEntry(String occasionId, OccasionKind kind, boolean adopted, boolean faststalld,
                                List<SummaryRow> summary, java.math.BigDecimal budgetavvikelse,
                                Varde budgetavvikelsePrinted, String budgetavvikelseLine) {
    }

    /** @param plan the plan's view at the same moment, null while the plan has none */
    public static OverviewEntry overviewEntry(OccasionDocument occasion, PlanView plan,
                                              java.math.BigDecimal gulTolerancePercent) {
        Optional<FollowUpReport> report = Optional.ofNullable(plan)
                .map(p -> report(occasion, p, gulTolerancePercent));
        ResultatLineView total = report.map(FollowUpReport::resultatrapport)
                .flatMap(ResultatrapportView::totalLine).orElse(null);
        return new OverviewEntry(occasion.occasionId, occasion.kind, occasion.adoptedBy != null,
                report.map(FollowUpReport::faststalld).orElse(false),
                report.map(FollowUpReport::summary).orElse(List.of()),
                total == null ? null : total.budgetavvikelse(),
                total == null || total.printed() == null ? null : total.printed().get("budgetavvikelse"),
                total == null ? null : total.label());
    }

    private static ReportGoal goal(GoalNode goal, OccasionDocument occasion, Summary summary,
                                   java.math.BigDecimal gulTolerancePercent) {
        ItemAssessmentView assessment = assessment(occasion.items.get(goal.goalId()));
        category(goal).ifPresent(category -> summary.count(category, goal.goalId(),
                (goal.numbering() == null ? "" : goal.numbering() + " ") + goal.title(), assessment));
        List<ReportIndikator> indikatorer = goal.styrtal().stream().map(s -> {
            IndikatorAssessed a = occasion.indikatorer.get(s.styrtalId());
            Varde utfall = a == null || a.utfall() == null ? null : a.utfall().value();
            Suggestion.Suggested suggested = Suggestion.colour(utfall, s.arsMalvarde(), s.direction(),
                    gulTolerancePercent);
            Trend trend = s.senastKanda() == null ? null
                    : Suggestion.trend(s.senastKanda().value(), utfall, s.direction());
            return new ReportIndikator(s.styrtalId(), s.indikatorId(), s.numbering(), s.text(), s.arsMalvarde(),
                    a == null ? null : a.status(), a == null ? null : a.utfall(), a == null ? null : a.comment(),
                    suggested.colour(), suggested.rule(), trend);
        }).toList();
        return new ReportGoal(goal.goalId(), goal.kind(), goal.origin(), goal.numbering(), goal.title(), assessment,
                Suggestion.goal(indikatorer.stream().map(ReportIndikator::suggestedColour).toList()), indikatorer,
                goal.uppdrag().stream().map(u -> uppdrag(u, occasion, summary)).toList(),
                goal.children().stream().map(c -> goal(c, occasion, summary, gulTolerancePercent)).toList());
    }

    private static ReportUppdrag uppdrag(UppdragNode uppdrag, OccasionDocument occasion, Summary summary) {
        ItemAssessmentView assessment = assessment(occasion.items.get(uppdrag.uppdragId()));
        summary.count(uppdrag.source() == UppdragSource.RF ? RF_UPPDRAG : OWN_UPPDRAG, uppdrag.uppdragId(),
                uppdrag.text(), assessment);
        return new ReportUppdrag(uppdrag.uppdragId(), uppdrag.source(), uppdrag.numbering(), uppdrag.text(), assessment);
    }

    /** Budgetavvikelse = utfall − budget and förändring = utfall − utfall året innan, exactly as a resultatrapport. */
    static ResultatrapportView resultatrapport(ResultatrapportRecorded table) {
        if (table == null) {
            return null;
        }
        Map<String, Integer> depth = new java.util.HashMap<>();
        List<ResultatLineView> lines = new ArrayList<>();
        for (ResultatLine line : table.lines()) {
            int d = line.parentLineId() == null ? 0 : depth.getOrDefault(line.parentLineId(), 0) + 1;
            depth.put(line.lineId(), d);
            lines.add(new ResultatLineView(line.lineId(), line.parentLineId(), d, line.label(), line.utfall(),
                    line.budget(), difference(line.utfall(), line.budget()), line.utfallPreviousYear(),
                    difference(line.utfall(), line.utfallPreviousYear()), line.prognos(), line.printed()));
        }
        return new ResultatrapportView(table.title(), table.budgetVersion(), lines);
    }

    private static java.math.BigDecimal difference(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    /** Perspektiv, målområden and strategier structure the plan; they are not counted. */
    private static Optional<String> category(GoalNode goal) {
        if (goal.kind() == GoalKind.PERSPEKTIV || goal.kind() == GoalKind.MALOMRADE || goal.kind() == GoalKind.STRATEGI) {
            return Optional.empty();
        }
        return Optional.of(goal.origin() == GoalOrigin.RF ? RF_GOALS : OWN_GOALS);
    }

    private static ItemAssessmentView assessment(ItemAssessed a) {
        return a == null ? null : new ItemAssessmentView(a.colour(), a.notAssessedReason(), a.trend(), a.comment(),
                a.reconstructed(), a.revisionBeslut());
    }

    /** Counts per category and colour, keeping the items behind each count. */
    private static final class Summary {
        private final Map<String, List<ItemRef>> items = new LinkedHashMap<>();

        Summary() {
            List.of(RF_GOALS, OWN_GOALS, OWN_UPPDRAG, RF_UPPDRAG).forEach(c -> items.put(c, new ArrayList<>()));
        }

        void count(String category, String itemId, String label, ItemAssessmentView assessment) {
            items.get(category).add(new ItemRef(itemId, label, assessment == null ? null : assessment.colour()));
        }

        List<SummaryRow> rows() {
            List<SummaryRow> rows = new ArrayList<>();
            items.forEach((category, refs) -> {
                if (!refs.isEmpty()) {
                    rows.add(new SummaryRow(category, refs.size(), count(refs, Colour.GRON), count(refs, Colour.GUL),
                            count(refs, Colour.ROD), count(refs, Colour.NOT_ASSESSED), count(refs, null), refs));
                }
            });
            return rows;
        }

        private static int count(List<ItemRef> refs, Colour colour) {
            return (int) refs.stream().filter(r -> r.colour() == colour).count();
        }
    }
}
