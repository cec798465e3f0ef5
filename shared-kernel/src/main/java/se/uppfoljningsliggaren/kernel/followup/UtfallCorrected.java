package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.util.List;

/**
 * A recorded figure was corrected: the new value replaces it in every view, and both stay in the history. Carries
 * the value it corrects so the history reads without replaying.
 */
public record UtfallCorrected(String seriesId, String namndCode, String indikatorId, int year, PeriodValue figure,
                              PeriodValue corrected, List<BreakdownValue> breakdowns, String reason) {
}
