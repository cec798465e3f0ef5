package se.uppfoljningsliggaren.command.ik;

import java.util.Optional;

/** Consistent reads of an IK-plan (above all the regionövergripande rows of a year) from the event store. */
public interface IkPlanLookup {

    Optional<Internkontrollplan.IkPlanItems> ikPlan(String ikPlanId);
}
