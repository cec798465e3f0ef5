package se.uppfoljningsliggaren.command.plan;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.command.Aggregates;

import java.util.Optional;

@Component
class RepositoryPlanLookup implements PlanLookup {

    private final Repository<Plan> plans;

    RepositoryPlanLookup(Repository<Plan> plans) {
        this.plans = plans;
    }

    @Override
    public Optional<Plan.PlanItems> plan(String planId) {
        return Aggregates.read(plans, planId, Plan::items);
    }
}
