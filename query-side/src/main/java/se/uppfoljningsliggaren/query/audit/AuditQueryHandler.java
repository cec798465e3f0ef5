package se.uppfoljningsliggaren.query.audit;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.FindByBeslut;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.FindByPerson;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetDifference;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetEntityDifference;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetEntityHistory;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditEntry;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditPage;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.Difference;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.EntityDifference;
import se.uppfoljningsliggaren.kernel.audit.EntityKind;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers the audit trail from audit_entry, a keyset page at a time (stable while events are appended). */
@Component
class AuditQueryHandler {

    /**
     * The entries after a position that match a condition ({@code %s}: " AND …" with its order and limit), each
     * beside its entity's content before it: the after of the entity's previous entry, looked up for the entries
     * answered only.
     */
    private static final String SELECT = """
            SELECT e.*, (SELECT p.after FROM audit_entry p WHERE p.entity_key = e.entity_key
                         AND p.global_index < e.global_index ORDER BY p.global_index DESC LIMIT 1) AS before
            FROM (SELECT global_index, occurred_at, event_type, entity_kind, entity_key, who, who_name, role,
                         namnd_scope, client, reason, beslut, after, correlation_id, request_id, idempotency_key,
                         provenance
                  FROM audit_entry WHERE global_index > ?%s) e
            ORDER BY e.global_index""";

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(rs.getLong("global_index"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_type"),
            EntityKind.valueOf(rs.getString("entity_kind")), rs.getString("entity_key"), rs.getString("who"),
            rs.getString("who_name"), rs.getString("role"), rs.getString("namnd_scope"), rs.getString("client"),
            rs.getString("reason"),
            rs.getString("beslut") == null ? null : ReadModelJson.read(rs.getString("beslut"), Beslut.class),
            rs.getString("before") == null ? null : AuditTrailProjection.contentOf(rs.getString("before")),
            AuditTrailProjection.contentOf(rs.getString("after")), rs.getString("correlation_id"),
            rs.getString("request_id"), rs.getString("idempotency_key"),
            rs.getString("provenance") == null ? null : ReadModelJson.read(rs.getString("provenance"), Provenance.class));

    private final JdbcTemplate jdbc;

    AuditQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<AuditPage> handle(GetEntityHistory query) {
        AuditPage page = page(" AND entity_key = ?", List.of(query.entityKey()), query.after(), query.limit());
        boolean known = !page.entries().isEmpty() || Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM audit_entry WHERE entity_key = ?)", Boolean.class, query.entityKey()));
        return known ? Optional.of(page) : Optional.empty();
    }

    @QueryHandler
    AuditPage handle(FindByBeslut query) {
        StringBuilder where = new StringBuilder(" AND beslut IS NOT NULL AND beslut ->> 'diarienummer' = ?");
        List<Object> args = new ArrayList<>(List.of(query.diarienummer()));
        if (query.organ() != null) {
            where.append(" AND beslut ->> 'organ' = ?");
            args.add(query.organ());
        }
        if (query.datum() != null) {
            where.append(" AND beslut ->> 'datum' = ?");
            args.add(query.datum().toString());
        }
        if (query.paragraf() != null) {
            where.append(" AND beslut ->> 'paragraf' = ?");
            args.add(query.paragraf());
        }
        return page(where.toString(), args, query.after(), query.limit());
    }

    @QueryHandler
    AuditPage handle(FindByPerson query) {
        StringBuilder where = new StringBuilder(" AND who = ?");
        List<Object> args = new ArrayList<>(List.of(query.who()));
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        return page(where.toString(), args, query.after(), query.limit());
    }

    /** The changes of (from, to] grouped by entity, each beside its content as of from. */
    @QueryHandler
    Optional<Difference> handle(GetDifference query) {
        boolean known = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM audit_entry WHERE aggregate_identifier = ?)", Boolean.class,
                query.aggregateId()));
        return known ? Optional.of(difference(query.aggregateId(), null, query.from(), query.to())) : Optional.empty();
    }

    /** One entity's: an entity's events all belong to one aggregate. */
    @QueryHandler
    Optional<Difference> handle(GetEntityDifference query) {
        return jdbc.query("SELECT aggregate_identifier FROM audit_entry WHERE entity_key = ? LIMIT 1",
                        (rs, row) -> rs.getString(1), query.entityKey()).stream().findFirst()
                .map(aggregateId -> difference(aggregateId, query.entityKey(), query.from(), query.to()));
    }

    /** The aggregate's changes of (from, to], or only those of one entity of it (entityKey not null). */
    private Difference difference(String aggregateId, String entityKey, Instant from, Instant to) {
        String entity = entityKey == null ? "" : " AND entity_key = ?";
        List<Object> args = new ArrayList<>(List.of(0, aggregateId));
        if (entityKey != null) {
            args.add(entityKey);
        }
        args.addAll(List.of(Timestamp.from(from), Timestamp.from(to)));
        Map<String, List<AuditEntry>> changes = new LinkedHashMap<>();
        jdbc.query(SELECT.formatted(" AND aggregate_identifier = ?" + entity + " AND occurred_at > ? AND occurred_at <= ?"),
                        ENTRY, args.toArray())
                .forEach(entry -> changes.computeIfAbsent(entry.entityKey(), key -> new ArrayList<>()).add(entry));
        Map<String, Map<String, Object>> then = new HashMap<>();
        if (!changes.isEmpty()) {
            jdbc.query("""
                    SELECT DISTINCT ON (entity_key) entity_key, after FROM audit_entry
                    WHERE aggregate_identifier = ? AND entity_key = ANY (?) AND occurred_at <= ?
                    ORDER BY entity_key, global_index DESC""", (ResultSet rs) -> {
                then.put(rs.getString(1), AuditTrailProjection.contentOf(rs.getString(2)));
            }, aggregateId, changes.keySet().toArray(String[]::new), Timestamp.from(from));
        }
        return new Difference(aggregateId, from, to, changes.entrySet().stream()
                .map(changed -> {
                    List<AuditEntry> steps = changed.getValue();
                    return new EntityDifference(changed.getKey(), steps.get(0).entityKind(), then.get(changed.getKey()),
                            steps.get(steps.size() - 1).after(), steps);
                }).toList());
    }

    /** The entries after a position that match the condition, a keyset page of at most limit. */
    private AuditPage page(String where, List<Object> whereArgs, Long after, int limit) {
        List<Object> args = new ArrayList<>();
        args.add(after == null ? 0 : after);
        args.addAll(whereArgs);
        args.add(limit + 1);
        Keyset.Slice<AuditEntry> slice = Keyset.slice(jdbc.query(SELECT.formatted(where + " ORDER BY global_index LIMIT ?"),
                ENTRY, args.toArray()), limit, AuditEntry::position);
        return new AuditPage(slice.rows(), slice.next());
    }
}
