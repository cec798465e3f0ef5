package se.uppfoljningsliggaren.query.ik;

import org.axonframework.eventhandling.DomainEventMessage;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardAdded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardRevised;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanCreated;
import se.uppfoljningsliggaren.kernel.ik.IkRiskAdded;
import se.uppfoljningsliggaren.kernel.ik.IkRiskRevised;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.ik.IkViews.AtgardHistoryEntry;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import java.util.List;
import java.util.Optional;

/**
 * The stored read-model document of one IK-plan. A nämnd's document holds what the nämnd reported on each åtgärd —
 * its own and (keyed "region:<id>") the regionövergripande ones, whose content lives only in the region's document
 * and is merged in when read, so a change by regionstyrelsen reaches every nämnd without being copied.
 */
public class IkPlanDocument {

    String ikPlanId;
    String namndCode;
    int year;
    Beslut adoptedBy;
    long version;
    /** Lists, not maps: a JSONB object does not keep its keys in the order the plan prints its rows. */
    List<Risk> risks = new ArrayList<>();
    List<Atgard> atgarder = new ArrayList<>();
    LinkedHashMap<String, Reported> reported = new LinkedHashMap<>();
    /** Where each item comes from: the provenance of the write that last set it, by its audit-trail key. */
    java.util.TreeMap<String, Provenance> provenance = new java.util.TreeMap<>();

    static class Risk {
        String riskId;
        RiskContent content;
    }

    static class Atgard {
        String atgardId;
        String riskId;
        boolean regionRisk;
        AtgardContent content;
        List<AtgardHistoryEntry> history = new ArrayList<>();
    }

    /** The nämnd's reports on one åtgärd: every status step and effect evaluation, oldest first. */
    static class Reported {
        List<AtgardHistoryEntry> history = new ArrayList<>();
        /** The latest evaluation per occasion, in the order the occasions were first evaluated. */
        List<IkAtgardEffectEvaluated> effects = new ArrayList<>();

        Optional<IkAtgardEffectEvaluated> effect(String occasionId) {
            return effects.stream().filter(e -> e.occasionId().equals(occasionId)).findFirst();
        }

        void evaluated(IkAtgardEffectEvaluated evaluation) {
            effect(evaluation.occasionId()).ifPresentOrElse(
                    earlier -> effects.set(effects.indexOf(earlier), evaluation), () -> effects.add(evaluation));
        }

        /** The status as it stood on a day: the last step reported to apply from that day or earlier. */
        AtgardHistoryEntry statusPer(LocalDate day) {
            AtgardHistoryEntry found = null;
            for (AtgardHistoryEntry entry : history) {
                if (entry.to() != null && (day == null || !entry.holdsFrom().isAfter(day))) {
                    found = entry;
                }
            }
            return found;
        }
    }

    Risk risk(String riskId) {
        return risks.stream().filter(r -> r.riskId.equals(riskId)).findFirst().orElseThrow();
    }

    Optional<Atgard> atgard(String atgardId) {
        return atgarder.stream().filter(a -> a.atgardId.equals(atgardId)).findFirst();
    }

    static String reportKey(String atgardId, boolean regionovergripande) {
        return (regionovergripande ? "region:" : "own:") + atgardId;
    }

    Reported reported(String atgardId, boolean regionovergripande) {
        return reported.get(reportKey(atgardId, regionovergripande));
    }

    AtgardStatus statusPer(String atgardId, boolean regionovergripande, LocalDate day) {
        Reported report = reported(atgardId, regionovergripande);
        AtgardHistoryEntry step = report == null ? null : report.statusPer(day);
        return step == null ? AtgardStatus.PLANERAD : step.to();
    }

    public static IkPlanDocument create(IkPlanCreated event, DomainEventMessage<?> message) {
        IkPlanDocument document = new IkPlanDocument();
        document.version = message.getSequenceNumber();
        document.ikPlanId = event.ikPlanId();
        document.namndCode = event.namndCode();
        document.year = event.year();
        return document;
    }

    /**
     * Applies an event of the plan after its creation; its sequence number, time, principal and reason are kept in
     * the åtgärd's history.
     */
    public void apply(Object event, DomainEventMessage<?> message) {
        version = message.getSequenceNumber();
        Instant at = message.getTimestamp();
        String who = LedgerMetadata.principal(message.getMetaData());
        String why = LedgerMetadata.reason(message.getMetaData());
        Provenance source = Provenance.of(message.getMetaData());
        if (event instanceof IkRiskAdded e) {
            Risk risk = new Risk();
            risk.riskId = e.riskId();
            risk.content = e.content();
            risks.add(risk);
        } else if (event instanceof IkRiskRevised e) {
            risk(e.riskId()).content = e.content();
        } else if (event instanceof IkAtgardAdded e) {
            Atgard atgard = new Atgard();
            atgard.atgardId = e.atgardId();
            atgard.riskId = e.riskId();
            atgard.regionRisk = e.regionRisk();
            atgard.content = e.content();
            atgard.history.add(new AtgardHistoryEntry(ikPlanId, version, "ADDED", at, who, why, e.revisionBeslut(),
                    e.content(), null, null, null, null, null, null, null, source));
            atgarder.add(atgard);
        } else if (event instanceof IkAtgardRevised e) {
            Atgard atgard = atgard(e.atgardId()).orElseThrow();
            atgard.content = e.content();
            atgard.history.add(new AtgardHistoryEntry(ikPlanId, version, "REVISED", at, who, why, e.revisionBeslut(),
                    e.content(), null, null, null, null, null, null, null, source));
        } else if (event instanceof IkPlanAdopted e) {
            adoptedBy = e.beslut();
        } else if (event instanceof IkAtgardStatusChanged e) {
            reporting(e.atgardId(), e.regionovergripande()).history.add(new AtgardHistoryEntry(ikPlanId, version,
                    "STATUS", at, who, why, e.revisionBeslut(), null, e.from(), e.to(), e.datum(), e.reportedIn(),
                    null, e.comment(), e.reportedPer(), source));
        } else if (event instanceof IkAtgardEffectEvaluated e) {
            Reported reported = reporting(e.atgardId(), e.regionovergripande());
            reported.history.add(new AtgardHistoryEntry(ikPlanId, version, "EFFECT", at, who, why,
                    e.revisionBeslut(), null, null, null, null, e.occasionId(), e.svar(), e.comment(), null, source));
            reported.evaluated(e);
        } else {
            throw new IllegalArgumentException("not an IK-plan event: " + event.getClass().getSimpleName());
        }
    }

    private Reported reporting(String atgardId, boolean regionovergripande) {
        return reported.computeIfAbsent(reportKey(atgardId, regionovergripande), key -> new Reported());
    }
}
