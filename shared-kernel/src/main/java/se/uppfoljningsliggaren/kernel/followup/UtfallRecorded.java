package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.util.List;

/** An utfall or prognos was recorded for an indikator and a period, with its source and comment. */
public record UtfallRecorded(String seriesId, String namndCode, String indikatorId, int year, PeriodValue figure,
                             List<BreakdownValue> breakdowns, String source, String comment) {
}
