package se.uppfoljningsliggaren.query.plan;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.GetPlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.Comparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.ContinuitySuggestions;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.GetContinuitySuggestions;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.GetYearOverYear;

import java.time.Instant;
import java.util.Optional;

/** A nämnd's plan against the year before: compared by recorded continuity, and suggestions for what is not. */
@Component
class YearOverYearHandler {

    private final QueryGateway queries;

    YearOverYearHandler(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryHandler
    Optional<Comparison> handle(GetYearOverYear query) {
        Optional<PlanView> current = plan(query.namnd() + "-" + query.year(), query.asOf());
        Optional<PlanView> previous = plan(query.namnd() + "-" + (query.year() - 1), query.asOf());
        if (current.isEmpty() || previous.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(YearOverYearComparison.of(previous.get(), current.get()));
    }

    @QueryHandler
    Optional<ContinuitySuggestions> handle(GetContinuitySuggestions query) {
        return plan(query.planId(), null).flatMap(current -> plan(current.continuity().previousPlanId(), null)
                .map(previous -> ContinuitySuggester.of(previous, current)));
    }

    private Optional<PlanView> plan(String planId, Instant asOf) {
        return queries.query(new GetPlanView(planId, asOf), ResponseTypes.optionalInstanceOf(PlanView.class))
                .join();
    }
}
