package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.IndikatorStatus;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;

/** An indikator's status at the occasion (helt / delvis / inte alls / värde saknas), with the utfall it rests on. */
public record IndikatorAssessed(String occasionId, String styrtalId, IndikatorStatus status, PeriodValue utfall,
                                String comment, Beslut revisionBeslut) {
}
