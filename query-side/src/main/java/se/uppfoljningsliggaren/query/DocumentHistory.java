package se.uppfoljningsliggaren.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.flipkart.zjsonpatch.JsonDiff;
import com.flipkart.zjsonpatch.JsonPatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history beside a document read table, so every view can be answered as of a past instant: per event one row
 * holding either the whole document (a checkpoint) or the RFC 6902 patch from the document before it. A checkpoint is
 * written when the patches since the last one add up to the document's own size, so the history grows with the size
 * of the changes (not with document size × changes) and an as-of read applies at most about one document's worth of
 * patches to its checkpoint. A replayed event finds its row there and adds nothing.
 *
 * <p>History table columns: (idColumn, version, global_index, event_time, event_type, checkpoint, since_checkpoint,
 * body, head); the live table holds the current document in {@code document}, keyed by idColumn. {@code head} is a
 * few fields of the document a list shows, in every row, so a list as of an instant reads no document.
 */
public final class DocumentHistory {

    /** A document as it stood after the event of this version. */
    public record Version(String id, long version, Instant eventTime, JsonNode document) {
    }

    private final String table;
    private final String liveTable;
    private final String idColumn;

    public DocumentHistory(String table, String liveTable, String idColumn) {
        this.table = table;
        this.liveTable = liveTable;
        this.idColumn = idColumn;
    }

    /**
     * The document as the current batch has it: as stored, or as an earlier event of the batch left it; null if there
     * is none yet. Read from the live table, and from its JSON, once per batch: the object an earlier event of the
     * batch recorded is handed out again, for the projection to change for this event and record. (Should a handler
     * fail half way through a change, the whole batch is discarded with it, see ProjectionBatch.)
     */
    public <T> T current(JdbcTemplate jdbc, String id, Class<T> type) {
        Current current = batch(jdbc).current(id);
        if (current.document == null) {
            return null;
        }
        return type.isInstance(current.object) ? type.cast(current.object) : ReadModelJson.read(current.document, type);
    }

    /**
     * Records the document after the event: its history row (the patch from the document before it, or the whole
     * document) and its live row ({@code liveSql} with {@code liveArgs}, an upsert), both written at the batch's flush.
     *
     * @param object   the document, which the next event of the batch is given to change ({@link #current})
     * @param document its JSON
     * @param head     the fields a list of these documents shows, or null
     */
    public void record(JdbcTemplate jdbc, String id, DomainEventMessage<?> message, long globalIndex, Object object,
                       String document, String head, String liveSql, Object... liveArgs) {
        Batch batch = batch(jdbc);
        Current previous = batch.current(id);
        String body = document;
        JsonNode after = null;
        boolean checkpoint = true;
        long since = 0;
        if (previous.document != null && previous.sinceCheckpoint != null) {
            // fields in name order, so the patch follows from the content alone, not from the order the text came in
            // (the live table's jsonb, or the JSON an earlier event of the batch wrote)
            JsonNode before = previous.tree != null ? previous.tree : ReadModelJson.sortedTree(previous.document);
            after = ReadModelJson.sortedTree(document);
            JsonNode diff = JsonDiff.asJson(before, after);
            String patch = diff.toString();
            since = previous.sinceCheckpoint + patch.length();
            // the diff compares decimals by value (1.5 = 1.50): a patch that does not give the document back exactly
            // is not kept, the document is
            if (since < document.length() && same(JsonPatch.apply(diff, before), after)) {
                body = patch;
                checkpoint = false;
            } else {
                since = 0;
            }
        }
        batch.history.add(new Object[]{id, message.getSequenceNumber(), globalIndex,
                Timestamp.from(message.getTimestamp()), message.getPayloadType().getSimpleName(), checkpoint, since,
                body, head});
        batch.documents.put(id, new Current(document, since, after, object));
        batch.live.put(id, liveArgs);
        batch.liveSql = liveSql;
    }

    private Batch batch(JdbcTemplate jdbc) {
        return ProjectionBatch.part(this, () -> new Batch(jdbc));
    }

    /**
     * A document as the batch has it, with the patch length since its last checkpoint (null: no history row), its
     * sorted tree once a patch was taken to it (null: not yet), and the object it was written from (null: read).
     */
    private record Current(String document, Long sinceCheckpoint, JsonNode tree, Object object) {
    }

    /** This history's documents in one batch: each read once, written once with one history row per event. */
    private final class Batch implements ProjectionBatch.Part {

        private final JdbcTemplate jdbc;
        private final Map<String, Current> documents = new HashMap<>();
        private final List<Object[]> history = new ArrayList<>();
        private final Map<String, Object[]> live = new LinkedHashMap<>();
        private String liveSql;

        Batch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        Current current(String id) {
            return documents.computeIfAbsent(id, key -> jdbc.query("SELECT l.document::text, (SELECT h.since_checkpoint "
                    + "FROM " + table + " h WHERE h." + idColumn + " = ? ORDER BY h.version DESC LIMIT 1) FROM "
                    + liveTable + " l WHERE l." + idColumn + " = ?", (rs, i) -> new Current(rs.getString(1),
                    (Long) rs.getObject(2), null, null), id, id).stream().findFirst()
                    .orElse(new Current(null, null, null, null)));
        }

        @Override
        public void flush() {
            ProjectionBatch.batchUpdate(jdbc, "INSERT INTO " + table + " (" + idColumn + ", version, global_index, "
                    + "event_time, event_type, checkpoint, since_checkpoint, body, head) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) ON CONFLICT DO NOTHING", history);
            ProjectionBatch.batchUpdate(jdbc, liveSql, new ArrayList<>(live.values()));
            history.clear();
            live.clear();
        }
    }

    /** The document as it stood at the instant: after its last event at or before it; empty if it did not exist. */
    public Optional<Version> asOf(JdbcTemplate jdbc, String id, Instant asOf) {
        return rebuild(jdbc.queryForList("""
                WITH target AS (SELECT version FROM %1$s WHERE %2$s = ? AND event_time <= ?
                                ORDER BY version DESC LIMIT 1),
                     base AS (SELECT max(h.version) AS version FROM %1$s h, target
                              WHERE h.%2$s = ? AND h.checkpoint AND h.version <= target.version)
                SELECT h.%2$s AS id, h.version, h.event_time, h.checkpoint, h.body::text AS body
                FROM %1$s h, target, base WHERE h.%2$s = ? AND h.version BETWEEN base.version AND target.version
                ORDER BY h.version""".formatted(table, idColumn), id, Timestamp.from(asOf), id, id))
                .stream().findFirst();
    }

    /** Applies each document's patches to its checkpoint, rows ordered by id and version. */
    private static List<Version> rebuild(List<Map<String, Object>> rows) {
        Map<String, Version> versions = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            JsonNode body = ReadModelJson.tree((String) row.get("body"));
            JsonNode document = Boolean.TRUE.equals(row.get("checkpoint")) ? body
                    : JsonPatch.apply((ArrayNode) body, versions.get(id).document());
            versions.put(id, new Version(id, ((Number) row.get("version")).longValue(),
                    ((Timestamp) row.get("event_time")).toInstant(), document));
        }
        return new ArrayList<>(versions.values());
    }

    /** Equality that, unlike JsonNode.equals, tells 1.5 from 1.50. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() || b.isNumber()) {
            return a.isNumber() && b.isNumber() && a.asText().equals(b.asText());
        }
        if (a.getNodeType() != b.getNodeType() || a.size() != b.size()) {
            return false;
        }
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject()) {
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!b.has(field.getKey()) || !same(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Empties the history (a replay writes it anew). */
    public void reset(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM " + table);
    }
}
