package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;

/**
 * An item of this plan continues an item of the same nämnd's plan of the year before, whatever its number or wording
 * now. Recorded by a person when the plan is written; a later statement about the same item replaces this one.
 */
public record ItemContinued(String planId, PlanItemKind kind, String itemId, String previousPlanId,
                            String previousItemId, Beslut revisionBeslut) implements PlanEvent {
}
