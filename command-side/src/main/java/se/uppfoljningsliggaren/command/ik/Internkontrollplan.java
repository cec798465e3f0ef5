package se.uppfoljningsliggaren.command.ik;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.Aggregates;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.command.Revisions;
import se.uppfoljningsliggaren.command.catalogue.CatalogueLookup;
import se.uppfoljningsliggaren.command.followup.Occasion.OccasionFacts;
import se.uppfoljningsliggaren.command.followup.OccasionLookup;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardAdded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardRevised;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkRisk;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AdoptIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ChangeIkAtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.CreateIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.EvaluateIkAtgardEffect;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ReviseIkAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ReviseIkRisk;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanCreated;
import se.uppfoljningsliggaren.kernel.ik.IkRiskAdded;
import se.uppfoljningsliggaren.kernel.ik.IkRiskRevised;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.Krav;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskVardering;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An internkontrollplan: a nämnd's risks and åtgärder for a year, or (no nämnd) the regionövergripande ones that
 * regionstyrelsen defines for every nämnd of the year. Fastställd by a beslut; after that its content changes only by
 * a revision citing one. A nämnd's plan also carries the lifecycle of each åtgärd it reports on — its own and the
 * regionövergripande ones — and the effect evaluations it makes at delår and full year.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Internkontrollplan {

    @AggregateIdentifier
    private String ikPlanId;
    private String namndCode;
    private int year;
    private Beslut adoptedBy;
    private Set<String> risks = new HashSet<>();
    private Set<String> atgarder = new HashSet<>();
    private Set<String> risksWithAtgard = new HashSet<>();
    /** The occasions the nämnd has evaluated effects at: follow-ups that report on this plan. */
    private Set<String> followedUpAt = new HashSet<>();
    /** Status and its date per åtgärd reported on, keyed by {@link #statusKey}; an åtgärd not in it is planerad. */
    private Map<String, ReportedStatus> statuses = new HashMap<>();

    /** {@code holdsFrom}: the step's date, or the last day of the period of the follow-up that reports it. */
    record ReportedStatus(AtgardStatus status, LocalDate holdsFrom) {
    }

    /** What other rules need of an IK-plan: which risks and åtgärder it defines. */
    public record IkPlanItems(String ikPlanId, String namndCode, int year, Set<String> risks, Set<String> atgarder,
                              boolean faststalld) {
    }

    protected Internkontrollplan() {
    }

    @CommandHandler
    public Internkontrollplan(CreateIkPlan command, CatalogueLookup catalogue) {
        Require.year(command.year(), "year");
        if (command.namndCode() != null && !catalogue.namndExists(command.namndCode())) {
            throw CommandRejectedException.unknown("namnd", "no nämnd with code " + command.namndCode());
        }
        if (!IkCommands.ikPlanId(command.namndCode(), command.year()).equals(command.ikPlanId())) {
            throw CommandRejectedException.invalid("ikPlanId", "an IK-plan is identified by nämnd and year");
        }
        apply(new IkPlanCreated(command.ikPlanId(), command.namndCode(), command.year()));
    }

    @CommandHandler
    public long handle(AddIkRisk command) {
        Beslut beslut = revision(command.revisionBeslut());
        String riskId = Require.id(command.riskId(), "riskId");
        if (risks.contains(riskId)) {
            throw CommandRejectedException.conflict("riskId", "risk " + riskId + " is already in " + ikPlanId);
        }
        apply(new IkRiskAdded(ikPlanId, riskId, checked(command.content()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ReviseIkRisk command) {
        Beslut beslut = revision(command.revisionBeslut());
        if (!risks.contains(command.riskId())) {
            throw CommandRejectedException.unknown("riskId", "no risk " + command.riskId() + " in " + ikPlanId);
        }
        apply(new IkRiskRevised(ikPlanId, command.riskId(), checked(command.content()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AddIkAtgard command, IkPlanLookup ikPlans) {
        Beslut beslut = revision(command.revisionBeslut());
        String atgardId = Require.id(command.atgardId(), "atgardId");
        if (atgarder.contains(atgardId)) {
            throw CommandRejectedException.conflict("atgardId", "åtgärd " + atgardId + " is already in " + ikPlanId);
        }
        Require.id(command.riskId(), "riskId");
        if (command.regionRisk()) {
            if (namndCode == null) {
                throw CommandRejectedException.invalid("regionRisk",
                        "the regionövergripande rows name their own risks; regionRisk is for a nämnd's own åtgärd");
            }
            if (!regionPlan(ikPlans).risks().contains(command.riskId())) {
                throw CommandRejectedException.unknown("riskId", "no regionövergripande risk " + command.riskId()
                        + " in " + IkCommands.ikPlanId(null, year));
            }
        } else if (!risks.contains(command.riskId())) {
            throw CommandRejectedException.unknown("riskId", "no risk " + command.riskId() + " in " + ikPlanId);
        }
        apply(new IkAtgardAdded(ikPlanId, atgardId, command.riskId(), command.regionRisk(),
                checked(command.content()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ReviseIkAtgard command) {
        Beslut beslut = revision(command.revisionBeslut());
        if (!atgarder.contains(command.atgardId())) {
            throw CommandRejectedException.unknown("atgardId", "no åtgärd " + command.atgardId() + " in " + ikPlanId);
        }
        apply(new IkAtgardRevised(ikPlanId, command.atgardId(), checked(command.content()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AdoptIkPlan command) {
        if (adoptedBy != null) {
            throw CommandRejectedException.conflict("status", ikPlanId + " is already fastställd by " + adoptedBy);
        }
        List<String> withoutAtgard = risks.stream().filter(risk -> !risksWithAtgard.contains(risk)).sorted().toList();
        if (!withoutAtgard.isEmpty()) {
            throw CommandRejectedException.invalid("risks", "every risk of a plan is met by one or more åtgärder; "
                    + "none yet for " + String.join(", ", withoutAtgard));
        }
        apply(new IkPlanAdopted(ikPlanId, Require.present(command.beslut(), "beslut")));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ChangeIkAtgardStatus command, IkPlanLookup ikPlans, OccasionLookup occasions) {
        requireReportable(command.atgardId(), command.regionovergripande(), ikPlans);
        AtgardStatus next = Require.present(command.status(), "status");
        LocalDate datum = command.datum();
        OccasionFacts reportedIn = command.reportedIn() == null ? null : occasions.occasion(command.reportedIn())
                .filter(o -> o.namndCode().equals(namndCode) && o.year() == year)
                .orElseThrow(() -> CommandRejectedException.unknown("reportedIn", "no follow-up "
                        + command.reportedIn() + " of " + namndCode + " " + year));
        if (datum == null && reportedIn == null) {
            throw CommandRejectedException.invalid("datum", "give the date the status applies from, or (where the "
                    + "source prints none) reportedIn: the follow-up that reports it");
        }
        // a person stepping a status says what happened; a status read from a follow-up has the words it prints
        String comment = reportedIn == null ? Require.text(command.comment(), "comment", 8000)
                : Require.optionalText(command.comment(), "comment", 8000);
        ReportedStatus current = statuses.getOrDefault(statusKey(command.atgardId(), command.regionovergripande()),
                new ReportedStatus(AtgardStatus.PLANERAD, null));
        if (!current.status().canMoveTo(next)) {
            throw CommandRejectedException.conflict("status", "åtgärd " + command.atgardId() + " is "
                    + label(current.status()) + "; " + label(current.status()) + " → " + label(next)
                    + " is not a step of its lifecycle (planerad → pågående → avslutad | ej genomförd)");
        }
        if (datum != null && (datum.getYear() < year || datum.getYear() > year + 1)) {
            throw CommandRejectedException.invalid("datum", "a status of the " + year + " plan applies from a date in "
                    + year + " (or " + (year + 1) + ", when reported after year end)");
        }
        LocalDate reportedPer = reportedIn == null ? null : reportedIn.period().endDate();
        LocalDate holdsFrom = datum != null ? datum : reportedPer;
        if (current.holdsFrom() != null && holdsFrom.isBefore(current.holdsFrom())) {
            throw CommandRejectedException.invalid(datum != null ? "datum" : "reportedIn", "the åtgärd was "
                    + label(current.status()) + " from " + current.holdsFrom()
                    + "; a later step cannot apply from an earlier date");
        }
        // a fastställd follow-up reports the status per its period's last day: a step dated by then changes what it
        // reported, so it cites a beslut. The follow-ups that report on this plan: the year's verksamhetsberättelse
        // and every occasion the nämnd has evaluated effects at. Where several are changed, the beslut must be no
        // older than the latest of them.
        Set<String> reports = new HashSet<>(followedUpAt);
        reports.add(OccasionCommands.occasionId(namndCode, OccasionKind.VERKSAMHETSBERATTELSE, Period.ofYear(year)));
        if (reportedIn != null) {
            reports.add(reportedIn.occasionId());
        }
        Optional<OccasionFacts> changedReport = reports.stream().map(occasions::occasion).flatMap(Optional::stream)
                .filter(o -> o.adoptedBy() != null && !holdsFrom.isAfter(o.period().endDate()))
                .max(Comparator.comparing((OccasionFacts o) -> o.adoptedBy().datum(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        Beslut beslut = changedReport.isPresent()
                ? Revisions.check(changedReport.get().occasionId(), changedReport.get().adoptedBy(),
                command.revisionBeslut())
                : Revisions.check(ikPlanId + "'s follow-ups per " + holdsFrom, null, command.revisionBeslut());
        apply(new IkAtgardStatusChanged(ikPlanId, command.atgardId(), command.regionovergripande(),
                current.status(), next, datum, comment, beslut, command.reportedIn(), reportedPer));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(EvaluateIkAtgardEffect command, IkPlanLookup ikPlans, OccasionLookup occasions) {
        requireReportable(command.atgardId(), command.regionovergripande(), ikPlans);
        OccasionFacts occasion = occasions.occasion(command.occasionId())
                .filter(o -> o.namndCode().equals(namndCode) && o.year() == year)
                .orElseThrow(() -> CommandRejectedException.unknown("occasionId", "no follow-up " + command.occasionId()
                        + " of " + namndCode + " " + year));
        if (occasion.kind() == OccasionKind.PERIODRAPPORT) {
            throw CommandRejectedException.invalid("occasionId",
                    "the effect of an åtgärd is evaluated at delårsrapport and verksamhetsberättelse");
        }
        Beslut beslut = Revisions.check(occasion.occasionId(), occasion.adoptedBy(), command.revisionBeslut());
        String comment = Require.optionalText(command.comment(), "comment", 8000);
        apply(new IkAtgardEffectEvaluated(ikPlanId, command.atgardId(), command.regionovergripande(),
                occasion.occasionId(), command.svar(), comment, beslut));
        return Aggregates.currentVersion();
    }

    public IkPlanItems items() {
        return new IkPlanItems(ikPlanId, namndCode, year, Set.copyOf(risks), Set.copyOf(atgarder), adoptedBy != null);
    }

    /** A nämnd reports on åtgärder of its fastställd plan: its own, or the regionövergripande ones of the year. */
    private void requireReportable(String atgardId, boolean regionovergripande, IkPlanLookup ikPlans) {
        if (namndCode == null) {
            throw CommandRejectedException.invalid("ikPlanId", "each nämnd reports on the regionövergripande åtgärder "
                    + "in its own IK-plan, not in " + ikPlanId);
        }
        if (adoptedBy == null) {
            throw CommandRejectedException.invalid("status", ikPlanId + " is not fastställd: what is reported on is "
                    + "the decided plan");
        }
        if (regionovergripande && !regionPlan(ikPlans).faststalld()) {
            throw CommandRejectedException.invalid("regionovergripande", IkCommands.ikPlanId(null, year)
                    + " is not fastställd: its åtgärder are reported on once regionstyrelsen has decided them");
        }
        Set<String> known = regionovergripande ? regionPlan(ikPlans).atgarder() : atgarder;
        if (atgardId == null || !known.contains(atgardId)) {
            throw CommandRejectedException.unknown("atgardId", "no " + (regionovergripande ? "regionövergripande " : "")
                    + "åtgärd " + atgardId + " in " + (regionovergripande ? IkCommands.ikPlanId(null, year) : ikPlanId));
        }
    }

    private IkPlanItems regionPlan(IkPlanLookup ikPlans) {
        return ikPlans.ikPlan(IkCommands.ikPlanId(null, year)).orElseThrow(() -> CommandRejectedException.unknown(
                "regionovergripande", "no regionövergripande risks and åtgärder are defined for " + year));
    }

    private Beslut revision(Beslut revisionBeslut) {
        return Revisions.check(ikPlanId, adoptedBy, revisionBeslut);
    }

    private static RiskContent checked(RiskContent content) {
        Require.present(content, "text");
        Require.text(content.verksamhet(), "verksamhet", 200);
        Require.text(content.text(), "text", 4000);
        for (Krav krav : content.krav()) {
            if (!Krav.INTERN_KONTROLL.contains(krav)) {
                throw CommandRejectedException.invalid("krav", "a risk threatens krav c, d or e (intern "
                        + "kontroll); a and b are intern styrning, followed up through mål and budget");
            }
        }
        RiskVardering vardering = content.riskvardering();
        if (vardering != null) {
            scale(vardering.sannolikhet(), "riskvardering.sannolikhet");
            scale(vardering.konsekvens(), "riskvardering.konsekvens");
        }
        return new RiskContent(content.verksamhet().strip(), content.text().strip(), content.krav(), vardering);
    }

    private static void scale(int value, String field) {
        if (value < 1 || value > 4) {
            throw CommandRejectedException.invalid(field, field + " is on the scale 1–4, got " + value);
        }
    }

    private static AtgardContent checked(AtgardContent content) {
        Require.present(content, "text");
        return new AtgardContent(Require.text(content.text(), "text", 4000),
                Require.optionalText(content.utforare(), "utforare", 300),
                Require.optionalText(content.rapporteras(), "rapporteras", 300),
                Require.optionalText(content.tidplan(), "tidplan", 300));
    }

    private static String statusKey(String atgardId, boolean regionovergripande) {
        return (regionovergripande ? "region:" : "own:") + atgardId;
    }

    private static String label(AtgardStatus status) {
        return switch (status) {
            case PLANERAD -> "planerad";
            case PAGAENDE -> "pågående";
            case AVSLUTAD -> "avslutad";
            case EJ_GENOMFORD -> "ej genomförd";
        };
    }

    @EventSourcingHandler
    void on(IkPlanCreated event) {
        ikPlanId = event.ikPlanId();
        namndCode = event.namndCode();
        year = event.year();
    }

    @EventSourcingHandler
    void on(IkRiskAdded event) {
        risks.add(event.riskId());
    }

    @EventSourcingHandler
    void on(IkAtgardAdded event) {
        atgarder.add(event.atgardId());
        if (!event.regionRisk()) {
            risksWithAtgard.add(event.riskId());
        }
    }

    @EventSourcingHandler
    void on(IkPlanAdopted event) {
        adoptedBy = event.beslut();
    }

    @EventSourcingHandler
    void on(IkAtgardEffectEvaluated event) {
        followedUpAt.add(event.occasionId());
    }

    @EventSourcingHandler
    void on(IkAtgardStatusChanged event) {
        statuses.put(statusKey(event.atgardId(), event.regionovergripande()),
                new ReportedStatus(event.to(), event.holdsFrom()));
    }
}
