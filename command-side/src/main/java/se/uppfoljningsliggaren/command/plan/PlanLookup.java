package se.uppfoljningsliggaren.command.plan;

import java.util.Optional;

/** Consistent reads of a plan's items for other aggregates' rules, from the event store. */
public interface PlanLookup {

    Optional<Plan.PlanItems> plan(String planId);
}
