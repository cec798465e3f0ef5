package se.uppfoljningsliggaren.command.followup;

import java.util.Optional;

/** Consistent reads of a follow-up occasion for other aggregates' rules, from the event store. */
public interface OccasionLookup {

    Optional<Occasion.OccasionFacts> occasion(String occasionId);
}
