package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;

/** An item of the year before's plan is not continued by this plan; {@code reason} is optional. */
public record PreviousItemDropped(String planId, PlanItemKind kind, String previousPlanId, String previousItemId,
                                  String reason, Beslut revisionBeslut) implements PlanEvent {
}
