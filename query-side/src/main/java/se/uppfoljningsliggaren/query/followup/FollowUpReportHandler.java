package se.uppfoljningsliggaren.query.followup;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
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
import se.uppfoljningsliggaren.query.FigureTableEntry;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The follow-up report of one occasion: the plan's goal tree with the nämnd's assessments, and the summary table. */
@Component
class FollowUpReportHandler {

    /** The categories of the summary table, in the order a verksamhetsberättelse prints them. */
    static final String RF_GOALS = "Mål från regionfullmäktige";
    static final String OWN_GOALS = "Nämndens mål";
    static final String OWN_UPPDRAG = "Nämndens uppdrag";
    static final String RF_UPPDRAG = "Uppdrag från regionfullmäktige";

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final java.math.BigDecimal gulTolerancePercent;

    FollowUpReportHandler(JdbcTemplate jdbc, QueryGateway queries,
                          @org.springframework.beans.factory.annotation.Value(
                                  "${ledger.followup.gul-tolerance-percent:10}") java.math.BigDecimal gulTolerancePercent) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.gulTolerancePercent = gulTolerancePercent;
    }

    @QueryHandler
    Optional<FollowUpReport> handle(GetFollowUpReport query) {
        List<String> rows = query.asOf() == null
                ? jdbc.queryForList("SELECT document FROM followup_view WHERE occasion_id = ?", String.class,
                query.occasionId())
                : jdbc.queryForList("""
                        SELECT document FROM followup_view_history WHERE occasion_id = ? AND event_time <= ?
                        ORDER BY version DESC LIMIT 1""", String.class, query.occasionId(),
                java.sql.Timestamp.from(query.asOf()));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        OccasionDocument occasion = ReadModelJson.read(rows.get(0), OccasionDocument.class);
        // as of an instant the plan's projection has not reached yet, there is no consistent answer: none is given
        Optional<PlanView> found = queries.query(new GetPlanView(occasion.planId, query.asOf()),
                ResponseTypes.optionalInstanceOf(PlanView.class)).join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PlanView plan = found.get();
        Summary summary = new Summary();
        List<ReportGoal> goals = plan.goals().stream().map(g -> goal(g, occasion, summary)).toList();
        List<ReportUppdrag> loose = plan.uppdragOutsideGoals().stream().map(u -> uppdrag(u, occasion, summary)).toList();
        return Optional.of(new FollowUpReport(occasion.occasionId, occasion.namndCode, occasion.year, occasion.kind,
                occasion.period, occasion.adoptedBy != null, occasion.adoptedBy, occasion.planId, summary.rows(), goals,
                loose, resultatrapport(occasion.resultatrapport), FigureTableEntry.views(occasion.figureTables)));
    }

    private ReportGoal goal(GoalNode goal, OccasionDocument occasion, Summary summary) {
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
                goal.children().stream().map(c -> goal(c, occasion, summary)).toList());
    }

    private ReportUppdrag uppdrag(UppdragNode uppdrag, OccasionDocument occasion, Summary summary) {
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
                    difference(line.utfall(), line.utfallPreviousYear()), line.prognos()));
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
