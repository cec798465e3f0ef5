package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.value.Beslut;

public record IkPlanAdopted(String ikPlanId, Beslut beslut) {
}
