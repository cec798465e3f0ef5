package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.value.Period;

/** A follow-up occasion of a nämnd was opened against its plan for the year. */
public record OccasionOpened(String occasionId, String namndCode, int year, String planId, OccasionKind kind,
                             Period period) {
}
