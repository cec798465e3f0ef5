package se.uppfoljningsliggaren.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.query.LaneMemory;
import se.uppfoljningsliggaren.query.ProjectionBatch;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.ReplayedTable;
import se.uppfoljningsliggaren.query.RowInsert;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The audit trail: one row per stored event, with who, when, why, under which beslut and from which source, and the
 * entity's content after it: the fields the event sets merged over the {@code after} of the entity's previous row.
 * (Its content before the event is that previous row's, read with it: see AuditQueryHandler.) An entity's events all
 * belong to one aggregate, which one segment applies in order (parked events keep that order), so the previous row
 * is always there. The rows are written once per batch (see {@link Rows}).
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
class AuditTrailProjection {

    static final String PROCESSING_GROUP = "audit-trail";
    /** Axon's own key: the id of the message (command) that caused the event. */
    private static final String CORRELATION_ID = "correlationId";

    private final JdbcTemplate jdbc;

    AuditTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event, whatever its family: the trail must be complete, and an unmapped type is parked, not skipped. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        AuditedChange change = AuditedChange.of(event);
        long globalIndex = StorePosition.of(jdbc, message);
        ProjectionBatch.part(Rows.class, () -> new Rows(jdbc)).add(new Pending(event, message, change, globalIndex));
    }

    /** One event's row as the handler found it; its after is filled in at the flush. */
    private record Pending(Object event, DomainEventMessage<?> message, AuditedChange change, long globalIndex) {
    }

    /**
     * The batch's rows. At the flush the previous row of each entity the batch touches is read in one statement (the
     * latest below the batch's first event of that entity), then each row's after merges its fields over the after of
     * the one before it.
     */
    private static final class Rows implements ProjectionBatch.Part {

        private static final RowInsert INSERT = RowInsert.into("audit_entry", "global_index", "aggregate_identifier",
                "sequence_number", "event_type", "entity_kind", "entity_key", "occurred_at", "who", "who_name", "role",
                "namnd_scope", "client", "reason", "idempotency_key", "request_id", "correlation_id", "beslut::json",
                "after::json", "provenance::json", "item_key");

        /** The lane memory of each entity's latest content; enough for every entity a year of a region touches. */
        private static final String AFTERS = "audit-trail afters";
        private static final int REMEMBERED_ENTITIES = 50_000;

        private final JdbcTemplate jdbc;
        private final List<Pending> pending = new ArrayList<>();

        Rows(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(Pending row) {
            pending.add(row);
        }

        @Override
        public void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, Long> firstByEntity = new LinkedHashMap<>();
            pending.forEach(p -> firstByEntity.merge(p.change().entityKey(), p.globalIndex(), Math::min));
            // each entity's content after its latest row: as a replay's lane remembers it (or knows there is none),
            // as stored, or as this batch merged it (never parsed again)
            LaneMemory.Of<Map<String, Object>> remembered = LaneMemory.of(AFTERS, REMEMBERED_ENTITIES);
            Map<String, Map<String, Object>> afters = new HashMap<>();
            if (remembered != null) {
                remembered.answer(firstByEntity.keySet(), afters);
            }
            if (!firstByEntity.isEmpty()) {
                jdbc.query("""
                        SELECT k.entity_key, (SELECT a.after::text FROM audit_entry a
                                              WHERE a.entity_key = k.entity_key AND a.global_index < k.below
                                              ORDER BY a.global_index DESC LIMIT 1)
                        FROM unnest(?::text[], ?::bigint[]) AS k(entity_key, below)""", rs -> {
                    if (rs.getString(2) != null) {
                        afters.put(rs.getString(1), contentOf(rs.getString(2)));
                    }
                }, firstByEntity.keySet().toArray(String[]::new), firstByEntity.values().toArray(Long[]::new));
            }
            List<Object[]> rows = new ArrayList<>();
            pending.stream().sorted(java.util.Comparator.comparingLong(Pending::globalIndex)).forEach(p -> {
                Map<String, Object> after = new LinkedHashMap<>(afters.getOrDefault(p.change().entityKey(), Map.of()));
                after.putAll(p.change().fields());
                afters.put(p.change().entityKey(), after);
                if (remembered != null) {
                    remembered.wrote(p.change().entityKey(), after);
                }
                rows.add(row(p, ReadModelJson.write(after)));
            });
            pending.clear();
            INSERT.insert(jdbc, rows);
        }

        private static Object[] row(Pending p, String after) {
            DomainEventMessage<?> message = p.message();
            AuditedChange change = p.change();
            MetaData metadata = message.getMetaData();
            String reason = LedgerMetadata.reason(metadata);
            Provenance provenance = Provenance.of(metadata);
            return new Object[]{p.globalIndex(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                    p.event().getClass().getSimpleName(), change.kind().name(), change.entityKey(),
                    Timestamp.from(message.getTimestamp()), text(metadata, LedgerMetadata.PRINCIPAL),
                    text(metadata, LedgerMetadata.PRINCIPAL_NAME), text(metadata, LedgerMetadata.ROLE),
                    text(metadata, LedgerMetadata.NAMND_SCOPE), text(metadata, LedgerMetadata.CLIENT),
                    reason != null ? reason : change.reason(), text(metadata, LedgerMetadata.IDEMPOTENCY_KEY),
                    text(metadata, LedgerMetadata.REQUEST_ID), text(metadata, CORRELATION_ID),
                    change.beslut() == null ? null : ReadModelJson.write(change.beslut()), after,
                    provenance == null ? null : ReadModelJson.write(provenance), ItemProvenance.keyOf(p.event(), change.entityKey())};
        }
    }

    /** A row per event; a replay reads an entity's previous row by its entity index, so that one is kept. */
    @Bean
    static ReplayedTable auditEntryReplayed() {
        return new ReplayedTable(PROCESSING_GROUP, "audit_entry", Set.of("audit_entry_entity"));
    }

    @ResetHandler
    void reset() {
        // TRUNCATE: a replay empties the whole table, and DELETE would leave every row behind as a dead tuple
        jdbc.execute("TRUNCATE audit_entry");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> contentOf(String json) {
        return ReadModelJson.read(json, Map.class);
    }

    /** A metadata value as text (a scope of several nämnder as a comma list); null when the event lacks the key. */
    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? null : value.toString();
    }
}
