package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.value.Beslut;

public record IkRiskAdded(String ikPlanId, String riskId, RiskContent content, Beslut revisionBeslut) {
}
