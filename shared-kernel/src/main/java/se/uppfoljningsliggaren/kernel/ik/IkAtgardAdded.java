package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.value.Beslut;

/** @param regionRisk the risk is a regionövergripande one of the year, not the plan's own */
public record IkAtgardAdded(String ikPlanId, String atgardId, String riskId, boolean regionRisk,
                            AtgardContent content, Beslut revisionBeslut) {
}
