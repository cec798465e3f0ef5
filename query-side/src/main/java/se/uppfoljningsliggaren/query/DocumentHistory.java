package se.uppfoljningsliggaren.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;

/**
 * The history tables beside the document read tables: the document as it stood after each event of its aggregate,
 * so every view can be answered as of a past instant. A replayed event finds its row there and adds nothing.
 */
public final class DocumentHistory {

    private DocumentHistory() {
    }

    /** @param table a history table with columns (idColumn, version, global_index, event_time, document) */
    public static void append(JdbcTemplate jdbc, String table, String idColumn, String id,
                              DomainEventMessage<?> message, long globalIndex, String document) {
        jdbc.update("INSERT INTO " + table + " (" + idColumn + ", version, global_index, event_time, document) "
                        + "VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                id, message.getSequenceNumber(), globalIndex, Timestamp.from(message.getTimestamp()),
                document);
    }
}
