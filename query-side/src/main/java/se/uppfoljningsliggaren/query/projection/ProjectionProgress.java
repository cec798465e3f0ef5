package se.uppfoljningsliggaren.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which event types each processor handles, and how many events of each aggregate it has applied
 * (projection_progress). Within a processor an aggregate's events are applied in sequence order (one segment per
 * aggregate, parked events keep the order), so an event counts once however many handlers of the processor apply
 * it: only a higher sequence than the last one adds to the count.
 */
@Component
class ProjectionProgress {

    private final JdbcTemplate jdbc;
    private final Map<String, Set<Class<?>>> handledTypes = new ConcurrentHashMap<>();

    ProjectionProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void register(String processor, Class<?> payloadType) {
        handledTypes.computeIfAbsent(processor, name -> ConcurrentHashMap.newKeySet()).add(payloadType);
    }

    boolean handles(String processor, Class<?> payloadType) {
        return handledTypes.getOrDefault(processor, Set.of()).stream().anyMatch(t -> t.isAssignableFrom(payloadType));
    }

    void applied(String processor, DomainEventMessage<?> event) {
        jdbc.update("""
                INSERT INTO projection_progress (processor, aggregate_identifier, last_sequence, applied_events)
                VALUES (?, ?, ?, 1)
                ON CONFLICT (processor, aggregate_identifier) DO UPDATE SET
                    applied_events = projection_progress.applied_events
                        + CASE WHEN EXCLUDED.last_sequence > projection_progress.last_sequence THEN 1 ELSE 0 END,
                    last_sequence = GREATEST(projection_progress.last_sequence, EXCLUDED.last_sequence)""",
                processor, event.getAggregateIdentifier(), event.getSequenceNumber());
    }

    void clear(String processor) {
        jdbc.update("DELETE FROM projection_progress WHERE processor = ?", processor);
    }
}
