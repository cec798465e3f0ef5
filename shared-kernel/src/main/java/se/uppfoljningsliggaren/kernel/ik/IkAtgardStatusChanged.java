package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.LocalDate;

public record IkAtgardStatusChanged(String ikPlanId, String atgardId, boolean regionovergripande,
                                    AtgardStatus from, AtgardStatus to, LocalDate datum, String comment,
                                    Beslut revisionBeslut) {
}
