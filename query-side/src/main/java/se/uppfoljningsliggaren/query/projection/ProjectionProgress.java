package se.uppfoljningsliggaren.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import se.uppfoljningsliggaren.query.ProjectionBatch;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Counts the event in the current batch; the batch writes the counts once per aggregate (see {@link Counts}). */
    void applied(String processor, DomainEventMessage<?> event) {
        ProjectionBatch.part(Counts.class, () -> new Counts(jdbc, processor)).applied(event);
    }

    /**
     * The batch's events per aggregate, each sequence number once and only a higher one than the last: at the flush
     * those above the stored last sequence are added to its count.
     */
    static final class Counts implements ProjectionBatch.Part {

        private final JdbcTemplate jdbc;
        private final String processor;
        private final Map<String, List<Long>> sequences = new LinkedHashMap<>();

        Counts(JdbcTemplate jdbc, String processor) {
            this.jdbc = jdbc;
            this.processor = processor;
        }

        void applied(DomainEventMessage<?> event) {
            List<Long> applied = sequences.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>());
            if (applied.isEmpty() || event.getSequenceNumber() > applied.get(applied.size() - 1)) {
                applied.add(event.getSequenceNumber());
            }
        }

        @Override
        public void flush() {
            List<Map.Entry<String, List<Long>>> rows = new ArrayList<>(sequences.entrySet());
            sequences.clear();
            if (rows.isEmpty()) {
                return;
            }
            jdbc.batchUpdate("""
                    INSERT INTO projection_progress (processor, aggregate_identifier, last_sequence, applied_events)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (processor, aggregate_identifier) DO UPDATE SET
                        applied_events = projection_progress.applied_events + (SELECT count(*) FROM unnest(?::bigint[]) s
                            WHERE s > projection_progress.last_sequence),
                        last_sequence = GREATEST(projection_progress.last_sequence, EXCLUDED.last_sequence)""",
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int i) throws SQLException {
                            List<Long> applied = rows.get(i).getValue();
                            ps.setString(1, processor);
                            ps.setString(2, rows.get(i).getKey());
                            ps.setLong(3, applied.get(applied.size() - 1));
                            ps.setLong(4, applied.size());
                            ps.setArray(5, ps.getConnection().createArrayOf("bigint", applied.toArray()));
                        }

                        @Override
                        public int getBatchSize() {
                            return rows.size();
                        }
                    });
        }
    }

    void clear(String processor) {
        jdbc.update("DELETE FROM projection_progress WHERE processor = ?", processor);
    }
}
