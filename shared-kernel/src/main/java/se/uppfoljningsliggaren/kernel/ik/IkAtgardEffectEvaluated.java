package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.EffektSvar;
import se.uppfoljningsliggaren.kernel.value.Beslut;

public record IkAtgardEffectEvaluated(String ikPlanId, String atgardId, boolean regionovergripande,
                                      String occasionId, EffektSvar svar, String comment,
                                      Beslut revisionBeslut) {
}
