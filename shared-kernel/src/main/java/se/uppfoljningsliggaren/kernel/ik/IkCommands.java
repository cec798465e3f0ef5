package se.uppfoljningsliggaren.kernel.ik;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.EffektSvar;
import se.uppfoljningsliggaren.kernel.ik.IkValues.KravBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.LocalDate;
import java.util.List;

/** Commands of internal control: IK-plans (a nämnd's, or the regionövergripande rows of a year) and ISK-bedömningar. */
public final class IkCommands {

    /** Stands where a nämnd code would be, for what regionstyrelsen decides for the whole region. */
    public static final String REGION = "REGION";

    private IkCommands() {
    }

    /** "IK-RS-2026"; the regionövergripande rows of 2026 are "IK-REGION-2026". */
    public static String ikPlanId(String namndCode, int year) {
        return "IK-" + (namndCode == null ? REGION : namndCode) + "-" + year;
    }

    /** "ISK-RS-2024"; regionstyrelsen's samlad bedömning for the region is "ISK-REGION-2024". */
    public static String iskId(String namndCode, int year) {
        return "ISK-" + (namndCode == null ? REGION : namndCode) + "-" + year;
    }

    /** @param namndCode the nämnd, or null for the regionövergripande risks and åtgärder of the year */
    public record CreateIkPlan(@TargetAggregateIdentifier String ikPlanId, String namndCode, int year) {
    }

    public record AddIkRisk(@TargetAggregateIdentifier String ikPlanId, @TargetAggregateVersion Long expectedVersion,
                            String riskId, RiskContent content, Beslut revisionBeslut) {
    }

    public record ReviseIkRisk(@TargetAggregateIdentifier String ikPlanId,
                               @TargetAggregateVersion Long expectedVersion, String riskId, RiskContent content,
                               Beslut revisionBeslut) {
    }

    /**
     * @param regionRisk true when {@code riskId} names a regionövergripande risk of the year: the nämnd's own åtgärd
     *                   under a risk regionstyrelsen defined
     */
    public record AddIkAtgard(@TargetAggregateIdentifier String ikPlanId, @TargetAggregateVersion Long expectedVersion,
                              String atgardId, String riskId, boolean regionRisk, AtgardContent content,
                              Beslut revisionBeslut) {
    }

    public record ReviseIkAtgard(@TargetAggregateIdentifier String ikPlanId,
                                 @TargetAggregateVersion Long expectedVersion, String atgardId, AtgardContent content,
                                 Beslut revisionBeslut) {
    }

    public record AdoptIkPlan(@TargetAggregateIdentifier String ikPlanId,
                              @TargetAggregateVersion Long expectedVersion, Beslut beslut) {
    }

    /**
     * A step in an åtgärd's lifecycle, reported by the nämnd on its own åtgärd or (with {@code regionovergripande})
     * on a regionövergripande one. {@code datum} is when the status applies from; the comment says what happened.
     * Where the source prints no date (a verksamhetsberättelse gives the status for its year, not the day it was
     * reached), {@code reportedIn} names the follow-up that reports it instead, and the date stays unknown.
     * A step within a year whose verksamhetsberättelse is fastställd changes what it reported: it cites a beslut.
     */
    public record ChangeIkAtgardStatus(@TargetAggregateIdentifier String ikPlanId,
                                       @TargetAggregateVersion Long expectedVersion, String atgardId,
                                       boolean regionovergripande, AtgardStatus status, LocalDate datum,
                                       String comment, Beslut revisionBeslut, String reportedIn) {

        /** A step with its date, as a person reports it. */
        public ChangeIkAtgardStatus(String ikPlanId, Long expectedVersion, String atgardId, boolean regionovergripande,
                                    AtgardStatus status, LocalDate datum, String comment, Beslut revisionBeslut) {
            this(ikPlanId, expectedVersion, atgardId, regionovergripande, status, datum, comment, revisionBeslut, null);
        }
    }

    /**
     * The answer to "Har åtgärden bidragit till önskad effekt?" at a delårsrapport or verksamhetsberättelse; a null
     * {@code svar} records that the nämnd gave no answer. After the occasion is fastställd, a change cites a beslut.
     */
    public record EvaluateIkAtgardEffect(@TargetAggregateIdentifier String ikPlanId,
                                         @TargetAggregateVersion Long expectedVersion, String atgardId,
                                         boolean regionovergripande, String occasionId, EffektSvar svar,
                                         String comment, Beslut revisionBeslut) {
    }

    /**
     * A nämnd's ISK-bedömning of a year, or (namndCode null) regionstyrelsen's samlad bedömning for the region.
     * Recording again replaces the bedömning shown; after fastställande only with a beslut.
     */
    public record RecordIskBedomning(@TargetAggregateIdentifier String iskId,
                                     @TargetAggregateVersion Long expectedVersion, String namndCode, int year,
                                     Boolean tillracklig, String motivation, List<KravBedomning> krav,
                                     Beslut revisionBeslut) {
    }

    public record AdoptIskBedomning(@TargetAggregateIdentifier String iskId,
                                    @TargetAggregateVersion Long expectedVersion, Beslut beslut) {
    }
}
