package se.uppfoljningsliggaren.query.audit;

import org.axonframework.eventhandling.EventMessage;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.plan.ItemContinued;
import se.uppfoljningsliggaren.kernel.plan.ItemMarkedNew;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.plan.PreviousItemDropped;
import se.uppfoljningsliggaren.kernel.source.Provenance;

import java.util.Map;

/**
 * The one way a read document keeps where its items come from: under each item's audit-trail key (goal:RS-2026:m1,
 * assessment:…, atgard:…) the provenance of the write that last set it; an item last set by a write that gave no
 * source has none. A statement about an item rather than its content — its adoption, its continuity with the year
 * before, an åtgärd's status or effect, a follow-up's resultatrapport — is kept beside it under
 * {@code <key>#<facet>}, so it does not hide where the content comes from. Kept in the stored document, so the
 * as-of histories carry it unchanged.
 */
public final class ItemProvenance {

    private static final Map<Class<?>, String> FACETS = Map.of(
            PlanAdopted.class, "adoption", OccasionAdopted.class, "adoption", IkPlanAdopted.class, "adoption",
            IskBedomningAdopted.class, "adoption", ItemContinued.class, "continuity", ItemMarkedNew.class,
            "continuity", ResultatrapportRecorded.class, "resultatrapport", IkAtgardStatusChanged.class, "status",
            IkAtgardEffectEvaluated.class, "effect");

    private ItemProvenance() {
    }

    /** Notes the provenance of the event's write against the item (or facet of it) the event sets. */
    public static void record(Map<String, Provenance> provenance, EventMessage<?> message) {
        String item = keyOf(message.getPayload());
        Provenance given = Provenance.of(message.getMetaData());
        if (given == null) {
            provenance.remove(item);
        } else {
            provenance.put(item, given);
        }
    }

    static String keyOf(Object event) {
        return keyOf(event, AuditedChange.of(event).entityKey());
    }

    /** The item key of an event whose entity is already known. */
    static String keyOf(Object event, String entity) {
        if (event instanceof PreviousItemDropped dropped) {
            return entity + "#dropped:" + dropped.kind() + ":" + dropped.previousItemId();
        }
        String facet = FACETS.get(event.getClass());
        return facet == null ? entity : entity + "#" + facet;
    }
}
