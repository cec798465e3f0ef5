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
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The follow-up report of one occasion: the plan's goal tree with the nämnd's assessments, and the summary table. */
@Component
class FollowUpReportHandler {

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
        Optional<OccasionDocument> stored = occasion(jdbc, query.occasionId(), query.asOf());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        OccasionDocument occasion = stored.get();
        // as of an instant the plan's projection has not reached yet, there is no consistent answer: none is given
        Optional<PlanView> found = queries.query(new GetPlanView(occasion.planId, query.asOf()),
                ResponseTypes.optionalInstanceOf(PlanView.class)).join();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FollowUpReports.report(occasion, found.get(), gulTolerancePercent));    }

    /** @param asOf null for the current document, else as it stood at that instant */
    static Optional<OccasionDocument> occasion(JdbcTemplate jdbc, String occasionId, java.time.Instant asOf) {
        if (asOf != null) {
            return Histories.OCCASION.asOf(jdbc, occasionId, asOf)
                    .map(then -> ReadModelJson.read(then.document(), OccasionDocument.class));
        }
        return jdbc.queryForList("SELECT document FROM followup_view WHERE occasion_id = ?", String.class, occasionId)
                .stream().findFirst().map(json -> ReadModelJson.read(json, OccasionDocument.class));
    }
}
