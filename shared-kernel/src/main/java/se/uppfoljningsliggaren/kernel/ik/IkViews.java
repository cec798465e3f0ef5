package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.SummaryRow;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.EffektSvar;
import se.uppfoljningsliggaren.kernel.ik.IkValues.Krav;
import se.uppfoljningsliggaren.kernel.ik.IkValues.KravBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskVardering;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Queries of internal control and their answers. */
public final class IkViews {

    private IkViews() {
    }

    /**
     * @param asOf null for now; else the plan (and the regionövergripande rows merged in) as they stood then
     * @return {@code Optional<IkPlanView>}; a nämnd's plan comes with the year's regionövergripande rows merged in
     */
    public record GetIkPlan(String ikPlanId, Instant asOf) {
    }

    /** @return {@code List<IkPlanSummary>}; either filter may be null */
    public record ListIkPlans(Integer year, String namnd) {
    }

    /** @return {@code List<AtgardHistoryEntry>}: content changes, status steps and effect evaluations, oldest first */
    public record GetAtgardHistory(String ikPlanId, String atgardId, boolean regionovergripande) {
    }

    /** @return {@code Optional<IkFollowUp>}: the IK-plan as followed up at an occasion (001 chapter 7.2) */
    public record GetIkFollowUp(String occasionId, Instant asOf) {
    }

    /**
     * @return {@code Optional<IskView>}; namnd null for the region's samlad bedömning; asOf null for the current
     * bedömning, else as it stood then with its underlag
     */
    public record GetIsk(String namnd, int year, Instant asOf) {
    }

    /**
     * @param asOf null for now; else the overview as it stood then (after the events stamped at or before it)
     * @return {@code IkOverview}: internal control of every nämnd of a year, for regionstyrelsen's uppsiktsplikt
     */
    public record GetIkOverview(int year, Instant asOf) {
    }

    public record IkPlanSummary(String ikPlanId, String namnd, int year, String status, Beslut adoptedBy,
                                long version, int risks, int atgarder) {
    }

    /**
     * An IK-plan with its risks and åtgärder (the regionövergripande rows merged in). {@code provenance}: where each
     * risk and åtgärd comes from, by audit-trail key (risk:IK-RS-2026:…, atgard:…; an åtgärd's status and effect as
     * {@code <key>#status}, {@code <key>#effect}; each status step also in the åtgärd's history).
     */
    public record IkPlanView(String ikPlanId, String namnd, int year, String status, Beslut adoptedBy, long version,
                             String regionPlanId, Long regionVersion, StatusCounts counts, List<RiskView> risks,
                             java.util.Map<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance) {
    }

    public record RiskView(String riskId, boolean regionovergripande, String verksamhet, String text, Set<Krav> krav,
                           RiskVardering riskvardering, Integer riskvarde, List<AtgardView> atgarder) {
    }

    /**
     * An åtgärd with the nämnd's current status on it (planerad until a step is reported) and its effect evaluations.
     * {@code regionovergripande}: defined by regionstyrelsen for every nämnd; its text is the region's current one.
     */
    public record AtgardView(String atgardId, boolean regionovergripande, String text, String utforare,
                             String rapporteras, String tidplan, AtgardStatus status, LocalDate statusDatum,
                             String statusReportedIn, String statusComment, List<EffectView> effects,
                             String historyLink) {
    }

    public record EffectView(String occasionId, EffektSvar svar, String comment, Beslut revisionBeslut) {
    }

    public record StatusCounts(int planerad, int pagaende, int avslutad, int ejGenomford) {

        public static StatusCounts of(Collection<AtgardStatus> statuses) {
            return new StatusCounts(count(statuses, AtgardStatus.PLANERAD), count(statuses, AtgardStatus.PAGAENDE),
                    count(statuses, AtgardStatus.AVSLUTAD), count(statuses, AtgardStatus.EJ_GENOMFORD));
        }

        private static int count(Collection<AtgardStatus> statuses, AtgardStatus status) {
            return (int) statuses.stream().filter(status::equals).count();
        }

        public int total() {
            return planerad + pagaende + avslutad + ejGenomford;
        }
    }

    /**
     * What happened to an åtgärd, with who, when and why. {@code change}: ADDED, REVISED, STATUS or EFFECT. A status
     * whose day the source does not print has {@code datum} null and the follow-up that reports it in
     * {@code occasionId}, with {@code reportedPer} the last day of that follow-up's period.
     */
    public record AtgardHistoryEntry(String ikPlanId, long version, String change, Instant recordedAt,
                                     String principal, String reason, Beslut beslut, AtgardContent content,
                                     AtgardStatus from, AtgardStatus to, LocalDate datum, String occasionId,
                                     EffektSvar svar, String comment, LocalDate reportedPer,
                                     se.uppfoljningsliggaren.kernel.source.Provenance provenance) {

        /** The day a status step is known to hold from: its date, or the last day of the period reported on. */
        public LocalDate holdsFrom() {
            return datum != null ? datum : reportedPer;
        }
    }

    /** The IK follow-up of an occasion: every risk and åtgärd with its status per the period's last day. */
    public record IkFollowUp(String occasionId, String namnd, int year, OccasionKind kind, LocalDate statusPer,
                             String ikPlanId, StatusCounts counts, List<IkFollowUpRisk> risks) {
    }

    public record IkFollowUpRisk(String verksamhet, String riskId, boolean regionovergripande, String risk,
                                 List<IkFollowUpAtgard> atgarder) {
    }

    public record IkFollowUpAtgard(String atgardId, boolean regionovergripande, String atgard, AtgardStatus status,
                                   String statusComment, EffektSvar effekt, String effektComment) {
    }

    public record Bedomning(boolean tillracklig, String motivation, List<KravBedomning> krav,
                            Beslut revisionBeslut, Instant recordedAt, String recordedBy) {
    }

    /**
     * An ISK-bedömning with its underlag (for a nämnd) or each nämnd's outcome (for the region's samlad bedömning).
     * {@code bedomning} is null while none is recorded; the underlag is shown regardless.
     */
    public record IskView(String iskId, String namnd, int year, String status, Beslut adoptedBy, Bedomning bedomning,
                          List<Bedomning> earlier, IskUnderlag underlag, List<NamndIsk> namnder,
                          java.util.Map<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance) {
    }

    /**
     * What the ledger assembles for the bedömning: krav a from the måluppfyllelse summary of the year's
     * verksamhetsberättelse, krav b from its resultatrapport's budgetavvikelse, krav c–e from the IK follow-up.
     */
    /** {@code kravBBudgetavvikelsePrinted}: the total line's budgetavvikelse as printed, beside the computed one. */
    public record IskUnderlag(String occasionId, List<SummaryRow> kravA, BigDecimal kravBBudgetavvikelse,
                              se.uppfoljningsliggaren.kernel.value.Varde kravBBudgetavvikelsePrinted,
                              String kravBLine, String kravBBudgetVersion, IkFollowUp kravCtoE, String reportLink) {
    }

    public record NamndIsk(String namnd, String namndName, boolean made, Boolean tillracklig, boolean faststalld,
                           String link) {
    }

    public record IkOverview(int year, LocalDate statusPer, IskSamlad samlad, List<IkOverviewRow> namnder) {
    }

    public record IskSamlad(boolean made, Boolean tillracklig, boolean faststalld, String link) {
    }

    /** One nämnd's internal control in the overview: åtgärder by status per year end, the open and ej genomförda. */
    public record IkOverviewRow(String namnd, String namndName, String ikPlanId, boolean ikPlanFaststalld,
                                StatusCounts counts, List<OpenAtgard> ejGenomforda, List<OpenAtgard> openAtYearEnd,
                                boolean iskMade, Boolean iskTillracklig, boolean iskFaststalld, String ikPlanLink,
                                String iskLink) {
    }

    public record OpenAtgard(String atgardId, boolean regionovergripande, String text, AtgardStatus status) {
    }
}
