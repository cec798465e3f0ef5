package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;

/** An item of this plan continues nothing of the year before: it is new (said, not inferred from a missing link). */
public record ItemMarkedNew(String planId, PlanItemKind kind, String itemId, Beslut revisionBeslut)
        implements PlanEvent {
}
