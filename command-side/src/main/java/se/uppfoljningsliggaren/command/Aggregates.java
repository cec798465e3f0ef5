package se.uppfoljningsliggaren.command;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

import java.util.Optional;
import java.util.function.Function;

import org.axonframework.modelling.command.AggregateLifecycle;

/** Helpers of command handlers: the version they answer, and consistent reads of other aggregates. */
public final class Aggregates {

    private Aggregates() {
    }

    /**
     * Reads an aggregate's current state for another aggregate's rule: empty when there is no such aggregate, also
     * when the id is one of another kind of record (all kinds share one stream of ids, so an indikator id given as a
     * nämnd loads a stream that is no nämnd's).
     */
    public static <A, R> Optional<R> read(Repository<A> repository, String id, Function<A, R> reader) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(repository.load(id).invoke(reader));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            return Optional.empty();
        }
    }

    public static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
