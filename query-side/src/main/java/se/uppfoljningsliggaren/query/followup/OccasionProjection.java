package se.uppfoljningsliggaren.query.followup;

import se.uppfoljningsliggaren.query.audit.ItemProvenance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.IndikatorAssessed;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.followup.OccasionFigureTableRecorded;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.query.FigureTableEntry;
import se.uppfoljningsliggaren.query.DocumentHistory;
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.util.Objects;

/** Builds the follow-up documents (current and one history row per event). */
@Component
@ProcessingGroup(UtfallProjection.PROCESSING_GROUP)
class OccasionProjection {

    private static final DocumentHistory HISTORY = Histories.OCCASION;

    private final JdbcTemplate jdbc;

    OccasionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OccasionOpened event, DomainEventMessage<?> message) {
        save(OccasionDocument.open(event), message);
    }

    @EventHandler
    void on(ItemAssessed event, DomainEventMessage<?> message) {
        applied(event.occasionId(), event, message);
    }

    @EventHandler
    void on(IndikatorAssessed event, DomainEventMessage<?> message) {
        applied(event.occasionId(), event, message);
    }

    @EventHandler
    void on(ResultatrapportRecorded event, DomainEventMessage<?> message) {
        applied(event.occasionId(), event, message);
    }

    @EventHandler
    void on(OccasionFigureTableRecorded event, DomainEventMessage<?> message) {
        OccasionDocument document = load(event.occasionId());
        FigureTableEntry.record(document.figureTables, message.getSequenceNumber(), event.tableId(), event.table(),
                event.revisionBeslut());
        save(document, message);
    }

    @EventHandler
    void on(OccasionAdopted event, DomainEventMessage<?> message) {
        applied(event.occasionId(), event, message);
    }

    private void applied(String occasionId, Object event, DomainEventMessage<?> message) {
        OccasionDocument document = load(occasionId);
        document.apply(event);
        save(document, message);
    }

    @ResetHandler
    void reset() {
        HISTORY.reset(jdbc);
        jdbc.update("DELETE FROM followup_view");
    }

    private OccasionDocument load(String occasionId) {
        return Objects.requireNonNull(HISTORY.current(jdbc, occasionId, OccasionDocument.class), occasionId);
    }

    private void save(OccasionDocument document, DomainEventMessage<?> message) {
        ItemProvenance.record(document.provenance, message);
        String json = ReadModelJson.write(document);
        long globalIndex = StorePosition.of(jdbc, message);
        Timestamp at = Timestamp.from(message.getTimestamp());
        HISTORY.record(jdbc, document.occasionId, message, globalIndex, document, json, null, """
                INSERT INTO followup_view (occasion_id, namnd_code, year, kind, plan_id, status, version,
                    last_global_index, last_changed_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (occasion_id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                    last_global_index = EXCLUDED.last_global_index, last_changed_at = EXCLUDED.last_changed_at,
                    document = EXCLUDED.document""",
                document.occasionId, document.namndCode, document.year, document.kind.name(), document.planId,
                document.adoptedBy == null ? "UTKAST" : "FASTSTALLD", message.getSequenceNumber(), globalIndex, at,
                json);
    }
}
