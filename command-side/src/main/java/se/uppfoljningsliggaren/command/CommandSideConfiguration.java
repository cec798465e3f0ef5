package se.uppfoljningsliggaren.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The write side: aggregates, command handlers and the write API. Off in a query-only process. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.command-side.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class CommandSideConfiguration {

    /**
     * A plan collects a few hundred events over its life; loading it replays at most this many since its last
     * snapshot. Measured: each replayed event costs about 0.1 ms of a write, and a snapshot of the plan's ids is
     * small, so a short interval pays. Catalogue aggregates stay at one or two events and need none.
     */
    static final int PLAN_SNAPSHOT_EVERY = 25;

    @Bean
    SnapshotTriggerDefinition planSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, PLAN_SNAPSHOT_EVERY);
    }
}
