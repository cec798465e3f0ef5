package se.uppfoljningsliggaren.query.audit;

import org.axonframework.eventhandling.EventMessage;
import se.uppfoljningsliggaren.kernel.source.Provenance;

import java.util.Map;

/**
 * The one way a read document keeps where its items come from: under each item's audit-trail key (goal:RS-2026:m1,
 * assessment:…, atgard:…) the provenance of the write that last set it; an item last set by a write that gave no
 * source has none. Kept in the stored document, so the as-of histories carry it unchanged.
 */
public final class ItemProvenance {

    private ItemProvenance() {
    }

    /** Notes the provenance of the event's write against the item the event sets. */
    public static void record(Map<String, Provenance> provenance, EventMessage<?> message) {
        String item = AuditedChange.of(message.getPayload()).entityKey();
        Provenance given = Provenance.of(message.getMetaData());
        if (given == null) {
            provenance.remove(item);
        } else {
            provenance.put(item, given);
        }
    }
}
