package se.uppfoljningsliggaren.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Function;

import org.axonframework.modelling.command.AggregateLifecycle;

/** Helpers of command handlers: the version they answer, and consistent reads of other aggregates. */
public final class Aggregates {

    private Aggregates() {
    }

    /** Reads an aggregate's current state for another aggregate's rule: empty when there is no such aggregate. */
    public static <A, R> Optional<R> read(Repository<A> repository, String id, Function<A, R> reader) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(repository.load(id).invoke(reader));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    public static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
