package se.uppfoljningsliggaren.kernel.audit;

import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The revisor's audit trail: one entry per stored event, in store order. */
public final class AuditViews {

    private AuditViews() {
    }

    /**
     * One stored event as the revisor reads it. Who, role, scope, client and the ids come from the event's metadata
     * and are null where the event was recorded before they were kept; beslut is the one the event itself cites.
     * Before and after are the entity's content around the event (before is null for its first event).
     *
     * @param position   the event's global index in the store: the order, and the paging cursor
     * @param provenance where the write said its content comes from (X-Source); null where it gave no source
     */
    public record AuditEntry(long position, Instant at, String eventType, EntityKind entityKind, String entityKey,
                             String who, String whoName, String role, String namndScope, String client,
                             String reason, Beslut beslut, Map<String, Object> before, Map<String, Object> after,
                             String correlationId, String requestId, String idempotencyKey, Provenance provenance) {
    }

    /** A page of entries in store order; {@code next} is the {@code after} of the next page, null on the last. */
    public record AuditPage(List<AuditEntry> entries, String next) {
    }

    /**
     * An aggregate between two instants: each entity that changed, with its content at {@code from} (null: it did
     * not exist yet) and at {@code to}, and every change between with who, role and beslut, in store order.
     */
    public record Difference(String aggregateId, Instant from, Instant to, List<EntityDifference> entities) {
    }

    public record EntityDifference(String entityKey, EntityKind entityKind, Map<String, Object> before,
                                   Map<String, Object> after, List<AuditEntry> changes) {
    }
}
