package se.uppfoljningsliggaren.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Who read the audit trail, and what: written before each read of /api/audit is answered, so no read goes
 * unrecorded (if the record cannot be written, the read fails). Not derived from events, so a rebuild keeps it.
 */
@Component
public class AuditReadLog {

    /** {@code status}: the HTTP status it was answered with; null while (or if never) answered. */
    public record AuditRead(long id, Instant readAt, String who, String method, String path, String query,
                            Integer status) {
    }

    /** A page of reads in the order they were made; {@code next} is the {@code after} of the next page. */
    public record AuditReadPage(List<AuditRead> entries, String next) {
    }

    private final JdbcTemplate jdbc;

    AuditReadLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a read before it is answered; answers its id, for {@link #answered}. */
    public long record(String who, String method, String path, String query) {
        return jdbc.queryForObject("INSERT INTO audit_read (who, method, path, query) VALUES (?, ?, ?, ?) RETURNING id",
                Long.class, who, method, path, query);
    }

    /** How the read was answered: a refusal (400, 404…) showed nothing of the trail. */
    public void answered(long id, int status) {
        jdbc.update("UPDATE audit_read SET status = ? WHERE id = ?", status, id);
    }

    public AuditReadPage list(Long after, int limit) {
        Keyset.Slice<AuditRead> slice = Keyset.slice(jdbc.query("""
                        SELECT id, read_at, who, method, path, query, status FROM audit_read WHERE id > ?
                        ORDER BY id LIMIT ?""",
                (rs, row) -> new AuditRead(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(),
                        rs.getString("who"), rs.getString("method"), rs.getString("path"), rs.getString("query"),
                        (Integer) rs.getObject("status", Integer.class)),
                after == null ? 0 : after, limit + 1), limit, AuditRead::id);
        return new AuditReadPage(slice.rows(), slice.next());
    }
}
