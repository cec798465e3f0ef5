package se.uppfoljningsliggaren.query.ik;

import se.uppfoljningsliggaren.query.audit.ItemProvenance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningRecorded;
import se.uppfoljningsliggaren.query.DocumentHistory;
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Objects;

/** Builds the ISK-bedömning documents (current and one history row per event). */
@Component
@ProcessingGroup(IkPlanProjection.PROCESSING_GROUP)
class IskProjection {

    private static final DocumentHistory HISTORY = Histories.ISK;

    private final JdbcTemplate jdbc;

    IskProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IskBedomningRecorded event, DomainEventMessage<?> message) {
        IskDocument stored = HISTORY.current(jdbc, event.iskId(), IskDocument.class);
        IskDocument document = stored == null ? new IskDocument() : stored;
        document.apply(event, message);
        save(document, message);
    }

    @EventHandler
    void on(IskBedomningAdopted event, DomainEventMessage<?> message) {
        IskDocument document = Objects.requireNonNull(HISTORY.current(jdbc, event.iskId(), IskDocument.class),
                event.iskId());
        document.apply(event, message);
        save(document, message);
    }

    @ResetHandler
    void reset() {
        HISTORY.reset(jdbc);
        jdbc.update("DELETE FROM isk_view");
    }

    private void save(IskDocument document, DomainEventMessage<?> message) {
        ItemProvenance.record(document.provenance, message);
        String json = ReadModelJson.write(document);
        long globalIndex = StorePosition.of(jdbc, message);
        Timestamp at = Timestamp.from(message.getTimestamp());
        HISTORY.record(jdbc, document.iskId, message, globalIndex, document, json, ReadModelJson.write(Map.of(
                "status", status(document), "tillracklig", document.current().tillracklig())), """
                INSERT INTO isk_view (isk_id, namnd_code, year, status, tillracklig, version, last_global_index,
                    last_changed_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (isk_id) DO UPDATE SET status = EXCLUDED.status, tillracklig = EXCLUDED.tillracklig,
                    version = EXCLUDED.version, last_global_index = EXCLUDED.last_global_index,
                    last_changed_at = EXCLUDED.last_changed_at, document = EXCLUDED.document""",
                document.iskId, document.namndCode, document.year,
                status(document), document.current().tillracklig(),
                message.getSequenceNumber(), globalIndex, at, json);
    }

    static String status(IskDocument document) {
        return document.adoptedBy == null ? "UTKAST" : "FASTSTALLD";
    }
}
