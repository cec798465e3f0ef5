package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.query.PlanViews.IndikatorView;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.time.Instant;
import java.util.List;

/** One indikator's figures across years and periods, and the query that asks for them. */
public final class SeriesViews {

    private SeriesViews() {
    }

    /** The time series of an indikator, optionally for one nämnd; asOf null for now, else as it stood then. */
    public record GetIndikatorSeries(String indikatorId, String namnd, java.time.Instant asOf) {
    }

    public record IndikatorSeries(IndikatorView indikator, List<SeriesPoint> points) {
    }

    /**
     * One figure: recorded as utfall/prognos ({@code origin} UTFALL, with its corrections), or printed as a plan's
     * "senast kända värde" ({@code origin} PLAN, naming the plan). {@code provenance}: where an utfall comes from, as
     * its last recording or correction gave it (null: not given; for a plan's figure see the plan view).
     */
    public record SeriesPoint(String namnd, int year, PeriodValue figure, List<BreakdownValue> breakdowns,
                              String origin, String planId, String source, String comment, String recordedBy,
                              Instant recordedAt, List<Correction> corrections,
                              se.uppfoljningsliggaren.kernel.source.Provenance provenance) {
    }

    /** A correction as the history shows it: what the figure was, what it became, who corrected it, when and why. */
    public record Correction(PeriodValue previous, PeriodValue value, String reason, String correctedBy,
                             Instant correctedAt) {
    }
}
