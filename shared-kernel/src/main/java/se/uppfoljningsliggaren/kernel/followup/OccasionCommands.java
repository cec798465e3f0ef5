package se.uppfoljningsliggaren.kernel.followup;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.IndikatorStatus;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.util.Locale;

/** Commands of a follow-up occasion (uppföljningstillfälle) of one nämnd. */
public final class OccasionCommands {

    private OccasionCommands() {
    }

    /** "RS-VERKSAMHETSBERATTELSE-2024", "RS-DELARSRAPPORT-per_31_juli_2024", "RS-PERIODRAPPORT-maj_2025". */
    public static String occasionId(String namndCode, OccasionKind kind, Period period) {
        return namndCode + "-" + kind + "-" + period.label().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    public record OpenOccasion(@TargetAggregateIdentifier String occasionId, String namndCode, OccasionKind kind,
                               Period period) {
    }

    /** The nämnd's judgement of a goal or uppdrag of its plan: never overwritten by a computed suggestion. */
    public record AssessItem(@TargetAggregateIdentifier String occasionId, @TargetAggregateVersion Long expectedVersion,
                             String itemId, Colour colour, String notAssessedReason, Trend trend, String comment,
                             boolean reconstructed, Beslut revisionBeslut) {
    }

    public record AssessIndikator(@TargetAggregateIdentifier String occasionId,
                                  @TargetAggregateVersion Long expectedVersion, String styrtalId,
                                  IndikatorStatus status, PeriodValue utfall, String comment, Beslut revisionBeslut) {
    }

    public record RecordResultatrapport(@TargetAggregateIdentifier String occasionId,
                                        @TargetAggregateVersion Long expectedVersion, String title,
                                        String budgetVersion, java.util.List<ResultatLine> lines,
                                        Beslut revisionBeslut) {
    }

    /** Records a table of figures (personalekonomi, nyckeltal) as printed; again under the same id, it replaces it. */
    public record RecordOccasionFigureTable(@TargetAggregateIdentifier String occasionId,
                                            @TargetAggregateVersion Long expectedVersion, String tableId,
                                            se.uppfoljningsliggaren.kernel.value.FigureTable table,
                                            Beslut revisionBeslut) {
    }

    public record AdoptOccasion(@TargetAggregateIdentifier String occasionId,
                                @TargetAggregateVersion Long expectedVersion, Beslut beslut) {
    }
}
