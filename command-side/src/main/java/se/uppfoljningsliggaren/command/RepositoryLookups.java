package se.uppfoljningsliggaren.command;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.command.followup.Occasion;
import se.uppfoljningsliggaren.command.followup.OccasionLookup;
import se.uppfoljningsliggaren.command.ik.IkPlanLookup;
import se.uppfoljningsliggaren.command.ik.Internkontrollplan;
import se.uppfoljningsliggaren.command.plan.Plan;
import se.uppfoljningsliggaren.command.plan.PlanLookup;

import java.util.Optional;

/** The lookups other aggregates' rules use, answered from the event-sourced aggregates themselves. */
@Component
class RepositoryLookups implements PlanLookup, OccasionLookup, IkPlanLookup {

    private final Repository<Plan> plans;
    private final Repository<Occasion> occasions;
    private final Repository<Internkontrollplan> ikPlans;

    RepositoryLookups(Repository<Plan> plans, Repository<Occasion> occasions, Repository<Internkontrollplan> ikPlans) {
        this.plans = plans;
        this.occasions = occasions;
        this.ikPlans = ikPlans;
    }

    @Override
    public Optional<Plan.PlanItems> plan(String planId) {
        return Aggregates.read(plans, planId, Plan::items);
    }

    @Override
    public Optional<Occasion.OccasionFacts> occasion(String occasionId) {
        return Aggregates.read(occasions, occasionId, Occasion::facts);
    }

    @Override
    public Optional<Internkontrollplan.IkPlanItems> ikPlan(String ikPlanId) {
        return Aggregates.read(ikPlans, ikPlanId, Internkontrollplan::items);
    }
}
