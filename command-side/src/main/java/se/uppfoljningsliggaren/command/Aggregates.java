package se.uppfoljningsliggaren.command;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
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

    /**
     * If-Match for a handler that also creates its aggregate (CREATE_IF_MISSING): Axon checks a command's
     * {@code @TargetAggregateVersion} when it loads an aggregate, but not when it loads or creates one, so such a
     * handler checks here, first. A record not made yet has no version anyone can have seen.
     */
    public static void expectVersion(String id, Long expected) {
        if (expected == null) {
            return;
        }
        Long actual = AggregateLifecycle.getVersion();
        if (actual == null) {
            throw CommandRejectedException.conflict("If-Match", "you saw version " + expected + " of " + id
                    + ", which is not recorded yet; read it again and retry");
        }
        if (actual.longValue() != expected) {
            throw new ConflictingAggregateVersionException(id, expected, actual);
        }
    }

    public static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
