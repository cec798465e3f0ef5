package se.uppfoljningsliggaren.kernel.followup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.util.List;

/** Commands recording what actually happened: utfall and prognos for an indikator and a period. */
public final class FollowUpCommands {

    private FollowUpCommands() {
    }

    /** One nämnd's figures for one indikator and year: what must be consistent together (no period twice). */
    public static String seriesId(String namndCode, String indikatorId, int year) {
        return "UTFALL-" + namndCode + "-" + year + "-" + indikatorId;
    }

    /**
     * {@code planYear}: the plan the figure is reported under (null: the period's year); {@code expectedVersion}: the
     * series' version the writer saw (If-Match), or null.
     */
    public record RecordUtfall(@TargetAggregateIdentifier String seriesId,
                               @TargetAggregateVersion Long expectedVersion, String namndCode, String indikatorId,
                               int year, Integer planYear, PeriodValue figure, List<BreakdownValue> breakdowns,
                               String source, String comment) {
    }

    /** A correction names the figure it corrects (its period and basis) and why. */
    public record CorrectUtfall(@TargetAggregateIdentifier String seriesId,
                                @TargetAggregateVersion Long expectedVersion, PeriodValue figure,
                                List<BreakdownValue> breakdowns, String reason) {
    }
}
