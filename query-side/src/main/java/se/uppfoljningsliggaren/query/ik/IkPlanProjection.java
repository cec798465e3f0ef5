package se.uppfoljningsliggaren.query.ik;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
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
import se.uppfoljningsliggaren.kernel.ik.IkViews.AtgardHistoryEntry;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.query.DocumentHistory;
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;

/** Builds the IK-plan documents (current and one history row per event). */
@Component
@ProcessingGroup(IkPlanProjection.PROCESSING_GROUP)
class IkPlanProjection {

    private static final DocumentHistory HISTORY = Histories.IK_PLAN;

    static final String PROCESSING_GROUP = "internal-control-views";

    private final JdbcTemplate jdbc;

    IkPlanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IkPlanCreated event, DomainEventMessage<?> message) {
        IkPlanDocument document = new IkPlanDocument();
        document.ikPlanId = event.ikPlanId();
        document.namndCode = event.namndCode();
        document.year = event.year();
        save(document, message);
    }

    @EventHandler
    void on(IkRiskAdded event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        IkPlanDocument.Risk risk = new IkPlanDocument.Risk();
        risk.riskId = event.riskId();
        risk.content = event.content();
        document.risks.add(risk);
        save(document, message);
    }

    @EventHandler
    void on(IkRiskRevised event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        document.risk(event.riskId()).content = event.content();
        save(document, message);
    }

    @EventHandler
    void on(IkAtgardAdded event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        IkPlanDocument.Atgard atgard = new IkPlanDocument.Atgard();
        atgard.atgardId = event.atgardId();
        atgard.riskId = event.riskId();
        atgard.regionRisk = event.regionRisk();
        atgard.content = event.content();
        atgard.history.add(contentChange("ADDED", event.ikPlanId(), event.content(), event.revisionBeslut(), message));
        document.atgarder.add(atgard);
        save(document, message);
    }

    @EventHandler
    void on(IkAtgardRevised event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        IkPlanDocument.Atgard atgard = document.atgard(event.atgardId()).orElseThrow();
        atgard.content = event.content();
        atgard.history.add(contentChange("REVISED", event.ikPlanId(), event.content(), event.revisionBeslut(),
                message));
        save(document, message);
    }

    @EventHandler
    void on(IkPlanAdopted event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        document.adoptedBy = event.beslut();
        save(document, message);
    }

    @EventHandler
    void on(IkAtgardStatusChanged event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        reported(document, event.atgardId(), event.regionovergripande()).history.add(new AtgardHistoryEntry(
                event.ikPlanId(), message.getSequenceNumber(), "STATUS", message.getTimestamp(), who(message),
                why(message), event.revisionBeslut(), null, event.from(), event.to(), event.datum(), null, null,
                event.comment()));
        save(document, message);
    }

    @EventHandler
    void on(IkAtgardEffectEvaluated event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(event.ikPlanId());
        IkPlanDocument.Reported reported = reported(document, event.atgardId(), event.regionovergripande());
        reported.history.add(new AtgardHistoryEntry(event.ikPlanId(), message.getSequenceNumber(), "EFFECT",
                message.getTimestamp(), who(message), why(message), event.revisionBeslut(), null, null, null, null,
                event.occasionId(), event.svar(), event.comment()));
        reported.evaluated(event);
        save(document, message);
    }

    @ResetHandler
    void reset() {
        HISTORY.reset(jdbc);
        jdbc.update("DELETE FROM ik_plan_view");
    }

    private static IkPlanDocument.Reported reported(IkPlanDocument document, String atgardId,
                                                    boolean regionovergripande) {
        return document.reported.computeIfAbsent(IkPlanDocument.reportKey(atgardId, regionovergripande),
                key -> new IkPlanDocument.Reported());
    }

    private static AtgardHistoryEntry contentChange(String change, String ikPlanId, AtgardContent content,
                                                    Beslut beslut, DomainEventMessage<?> message) {
        return new AtgardHistoryEntry(ikPlanId, message.getSequenceNumber(), change, message.getTimestamp(),
                who(message), why(message), beslut, content, null, null, null, null, null, null);
    }

    private static String who(DomainEventMessage<?> message) {
        return LedgerMetadata.principal(message.getMetaData());
    }

    private static String why(DomainEventMessage<?> message) {
        return LedgerMetadata.reason(message.getMetaData());
    }


    private IkPlanDocument load(String ikPlanId) {
        return ReadModelJson.read(jdbc.queryForObject("SELECT document FROM ik_plan_view WHERE ik_plan_id = ?",
                String.class, ikPlanId), IkPlanDocument.class);
    }

    private void save(IkPlanDocument document, DomainEventMessage<?> message) {
        document.version = message.getSequenceNumber();
        String json = ReadModelJson.write(document);
        long globalIndex = StorePosition.of(jdbc, message);
        Timestamp at = Timestamp.from(message.getTimestamp());
        HISTORY.append(jdbc, document.ikPlanId, message, globalIndex, json);
        jdbc.update("""
                INSERT INTO ik_plan_view (ik_plan_id, namnd_code, year, status, version, last_global_index,
                    last_changed_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (ik_plan_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                    last_global_index = EXCLUDED.last_global_index, last_changed_at = EXCLUDED.last_changed_at,
                    document = EXCLUDED.document""",
                document.ikPlanId, document.namndCode, document.year,
                document.adoptedBy == null ? "UTKAST" : "FASTSTALLD", document.version, globalIndex, at, json);
    }
}
