package se.uppfoljningsliggaren.command.plan;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Consistent reads of a plan's items for other aggregates' rules, from the event store. */
@Component
public class PlanLookup {

    private final Repository<Plan> plans;

    PlanLookup(Repository<Plan> plans) {
        this.plans = plans;
    }

    public Optional<Plan.PlanItems> plan(String planId) {
        try {
            return Optional.of(plans.load(planId).invoke(Plan::items));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
