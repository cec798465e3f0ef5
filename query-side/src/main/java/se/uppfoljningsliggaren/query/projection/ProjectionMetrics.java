package se.uppfoljningsliggaren.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/** Per-processor gauges of lag, parked and missing events (Axon's own meters have no token lag). */
@Component
class ProjectionMetrics {

    private final ProjectionMonitor monitor;
    private final Reconciliation reconciliation;
    private final MeterRegistry registry;

    ProjectionMetrics(ProjectionMonitor monitor, Reconciliation reconciliation, MeterRegistry registry) {
        this.monitor = monitor;
        this.reconciliation = reconciliation;
        this.registry = registry;
    }

    /** The processors exist once Axon has started, which is before the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String processor : monitor.processors()) {
            gauge("ledger.projection.lag.events", "events the processor has not processed yet", processor,
                    state -> state.lagEvents());
            gauge("ledger.projection.lag.seconds", "age of the oldest event the processor has not processed",
                    processor, state -> state.lagSeconds());
            gauge("ledger.projection.dead.letters", "events parked in the processor's dead-letter queue", processor,
                    state -> state.deadLetters());
            Gauge.builder("ledger.projection.missing.events", reconciliation, r -> r.missingEvents(processor))
                    .description("events the last reconciliation found neither applied nor parked")
                    .tag("processor", processor).register(registry);
        }
    }

    private void gauge(String name, String description, String processor,
                       ToDoubleFunction<ProjectionMonitor.ProcessorState> value) {
        Gauge.builder(name, monitor, m -> value.applyAsDouble(m.recentStates().get(processor)))
                .description(description).tag("processor", processor).register(registry);
    }
}
