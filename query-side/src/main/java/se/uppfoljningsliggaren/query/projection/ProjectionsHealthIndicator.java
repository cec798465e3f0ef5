package se.uppfoljningsliggaren.query.projection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "projections" in /actuator/health and the readiness group: DEGRADED (HTTP 503, see application.yml) while any
 * projection has parked events, misses events (last {@link Reconciliation}) or lags the store by more than the
 * thresholds, naming the processor, the aggregate and the error; UP with each processor's position otherwise. The
 * process itself stays live.
 */
@Component("projections")
class ProjectionsHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "some read tables are behind or incomplete");
    private static final int LETTERS_SHOWN = 10;

    private final ProjectionMonitor monitor;
    private final DeadLetters deadLetters;
    private final Reconciliation reconciliation;
    private final long maxLagEvents;
    private final long maxLagSeconds;

    ProjectionsHealthIndicator(ProjectionMonitor monitor, DeadLetters deadLetters, Reconciliation reconciliation,
                               @Value("${ledger.projections.max-lag-events:1000}") long maxLagEvents,
                               @Value("${ledger.projections.max-lag-seconds:60}") long maxLagSeconds) {
        this.monitor = monitor;
        this.deadLetters = deadLetters;
        this.reconciliation = reconciliation;
        this.maxLagEvents = maxLagEvents;
        this.maxLagSeconds = maxLagSeconds;
    }

    @Override
    public Health health() {
        Map<String, ProjectionMonitor.ProcessorState> states = monitor.states();
        List<DeadLetters.DeadLetter> letters = states.values().stream().anyMatch(s -> s.deadLetters() > 0)
                ? deadLetters.list() : List.of();
        List<Reconciliation.Missing> missing = reconciliation.last() == null ? List.of()
                : reconciliation.last().missing();
        List<String> problems = new ArrayList<>();
        Map<String, Object> processors = new LinkedHashMap<>();
        for (ProjectionMonitor.ProcessorState state : states.values()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("position", state.position());
            detail.put("lagEvents", state.lagEvents());
            detail.put("lagSeconds", state.lagSeconds());
            detail.put("deadLetters", state.deadLetters());
            List<Map<String, Object>> parked = letters.stream()
                    .filter(letter -> letter.processor().equals(state.processor()))
                    .limit(LETTERS_SHOWN)
                    .map(letter -> Map.<String, Object>of("aggregate", letter.sequenceIdentifier(),
                            "eventType", letter.eventType(),
                            "error", letter.causeType() + ": " + letter.causeMessage()))
                    .toList();
            if (!parked.isEmpty()) {
                detail.put("parked", parked);
                problems.add(state.processor() + ": " + state.deadLetters() + " event(s) parked, first for "
                        + parked.get(0).get("aggregate") + " (" + parked.get(0).get("error") + ")");
            }
            List<Map<String, Object>> incomplete = missing.stream()
                    .filter(m -> m.processor().equals(state.processor()))
                    .limit(LETTERS_SHOWN)
                    .map(m -> Map.<String, Object>of("aggregate", m.aggregateIdentifier(),
                            "missingEvents", m.missingEvents()))
                    .toList();
            if (!incomplete.isEmpty()) {
                detail.put("missing", incomplete);
                problems.add(state.processor() + ": events missing (never applied, not parked), first for "
                        + incomplete.get(0).get("aggregate"));
            }
            if (state.lagEvents() > maxLagEvents || state.lagSeconds() > maxLagSeconds) {
                problems.add(state.processor() + ": " + state.lagEvents() + " events (" + state.lagSeconds()
                        + " s) behind the store");
            }
            processors.put(state.processor(), detail);
        }
        Health.Builder health = problems.isEmpty() ? Health.up() : Health.status(DEGRADED);
        if (!problems.isEmpty()) {
            health.withDetail("problems", problems);
        }
        return health.withDetail("processors", processors).build();
    }
}
