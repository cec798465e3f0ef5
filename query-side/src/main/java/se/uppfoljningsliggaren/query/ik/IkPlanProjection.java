package se.uppfoljningsliggaren.query.ik;

import se.uppfoljningsliggaren.query.audit.ItemProvenance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardAdded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardRevised;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanCreated;
import se.uppfoljningsliggaren.kernel.ik.IkRiskAdded;
import se.uppfoljningsliggaren.kernel.ik.IkRiskRevised;
import se.uppfoljningsliggaren.query.DocumentHistory;
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.util.Objects;

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
        save(IkPlanDocument.create(event, message), message);
    }

    @EventHandler
    void on(IkRiskAdded event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkRiskRevised event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardAdded event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardRevised event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkPlanAdopted event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardStatusChanged event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardEffectEvaluated event, DomainEventMessage<?> message) {
        applied(event.ikPlanId(), event, message);
    }

    @ResetHandler
    void reset() {
        HISTORY.reset(jdbc);
        jdbc.update("DELETE FROM ik_plan_view");
    }

    private void applied(String ikPlanId, Object event, DomainEventMessage<?> message) {
        IkPlanDocument document = load(ikPlanId);
        document.apply(event, message);
        save(document, message);
    }

    private IkPlanDocument load(String ikPlanId) {
        return Objects.requireNonNull(HISTORY.current(jdbc, ikPlanId, IkPlanDocument.class), ikPlanId);
    }

    private void save(IkPlanDocument document, DomainEventMessage<?> message) {
        ItemProvenance.record(document.provenance, message);
        String json = ReadModelJson.write(document);
        long globalIndex = StorePosition.of(jdbc, message);
        Timestamp at = Timestamp.from(message.getTimestamp());
        HISTORY.record(jdbc, document.ikPlanId, message, globalIndex, document, json, null, """
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
