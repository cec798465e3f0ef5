package se.uppfoljningsliggaren.command.ik;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.command.Aggregates;

import java.util.Optional;

@Component
class RepositoryIkPlanLookup implements IkPlanLookup {

    private final Repository<Internkontrollplan> ikPlans;

    RepositoryIkPlanLookup(Repository<Internkontrollplan> ikPlans) {
        this.ikPlans = ikPlans;
    }

    @Override
    public Optional<Internkontrollplan.IkPlanItems> ikPlan(String ikPlanId) {
        return Aggregates.read(ikPlans, ikPlanId, Internkontrollplan::items);
    }
}
