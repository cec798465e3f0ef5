package se.uppfoljningsliggaren.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit trail: one row per stored event, with who, when, why, under which beslut and from which source, and the
 * entity's content before and after it. {@code before} is the {@code after} of the entity's previous row: an
 * entity's events all belong to one aggregate, which one segment applies in order (parked events keep that order),
 * so the previous row is always there.
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
        List<String> previous = jdbc.queryForList("""
                SELECT after FROM audit_entry WHERE entity_key = ? AND global_index < ?
                ORDER BY global_index DESC LIMIT 1""", String.class, change.entityKey(), globalIndex);
        String before = previous.isEmpty() ? null : previous.get(0);
        Map<String, Object> after = new LinkedHashMap<>();
        if (before != null) {
            after.putAll(contentOf(before));
        }
        after.putAll(change.fields());
        MetaData metadata = message.getMetaData();
        String reason = LedgerMetadata.reason(metadata);
        Provenance provenance = Provenance.of(metadata);
        jdbc.update("""
                INSERT INTO audit_entry (global_index, aggregate_identifier, sequence_number, event_type, entity_kind,
                    entity_key, occurred_at, who, who_name, role, namnd_scope, client, reason, idempotency_key,
                    request_id, correlation_id, beslut, before, after, provenance, item_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (global_index) DO NOTHING""",
                globalIndex, message.getAggregateIdentifier(), message.getSequenceNumber(),
                event.getClass().getSimpleName(), change.kind().name(), change.entityKey(),
                Timestamp.from(message.getTimestamp()), text(metadata, LedgerMetadata.PRINCIPAL),
                text(metadata, LedgerMetadata.PRINCIPAL_NAME), text(metadata, LedgerMetadata.ROLE),
                text(metadata, LedgerMetadata.NAMND_SCOPE), text(metadata, LedgerMetadata.CLIENT),
                reason != null ? reason : change.reason(), text(metadata, LedgerMetadata.IDEMPOTENCY_KEY),
                text(metadata, LedgerMetadata.REQUEST_ID), text(metadata, CORRELATION_ID),
                change.beslut() == null ? null : ReadModelJson.write(change.beslut()), before,
                ReadModelJson.write(after), provenance == null ? null : ReadModelJson.write(provenance),
                ItemProvenance.keyOf(event));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_entry");
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
