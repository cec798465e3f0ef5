package se.uppfoljningsliggaren.command.followup;

import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.command.Aggregates;

import java.util.Optional;

@Component
class RepositoryOccasionLookup implements OccasionLookup {

    private final Repository<Occasion> occasions;

    RepositoryOccasionLookup(Repository<Occasion> occasions) {
        this.occasions = occasions;
    }

    @Override
    public Optional<Occasion.OccasionFacts> occasion(String occasionId) {
        return Aggregates.read(occasions, occasionId, Occasion::facts);
    }
}
