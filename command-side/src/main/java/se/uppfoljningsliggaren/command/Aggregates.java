package se.uppfoljningsliggaren.command;

import org.axonframework.modelling.command.AggregateLifecycle;

/** What command handlers answer: the aggregate's version after the events they applied. */
public final class Aggregates {

    private Aggregates() {
    }

    public static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
