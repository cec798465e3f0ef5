package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.value.Beslut;

public record IkAtgardRevised(String ikPlanId, String atgardId, AtgardContent content, Beslut revisionBeslut) {
}
