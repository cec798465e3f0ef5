package se.uppfoljningsliggaren.command.plan;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
class RepositoryPlanLookup implements PlanLookup {

    private final Repository<Plan> plans;

    RepositoryPlanLookup(Repository<Plan> plans) {
        this.plans = plans;
    }

    @Override
    public Optional<Plan.PlanItems> plan(String planId) {
        try {
            return Optional.of(plans.load(planId).invoke(Plan::items));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
