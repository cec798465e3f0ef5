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

    public record AuditRead(long id, Instant readAt, String who, String path, String query) {
    }

    /** A page of reads in the order they were made; {@code next} is the {@code after} of the next page. */
    public record AuditReadPage(List<AuditRead> entries, String next) {
    }

    private final JdbcTemplate jdbc;

    AuditReadLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String who, String path, String query) {
        jdbc.update("INSERT INTO audit_read (who, path, query) VALUES (?, ?, ?)", who, path, query);
    }

    public AuditReadPage list(Long after, int limit) {
        Keyset.Slice<AuditRead> slice = Keyset.slice(jdbc.query("""
                        SELECT id, read_at, who, path, query FROM audit_read WHERE id > ? ORDER BY id LIMIT ?""",
                (rs, row) -> new AuditRead(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(),
                        rs.getString("who"), rs.getString("path"), rs.getString("query")),
                after == null ? 0 : after, limit + 1), limit, AuditRead::id);
        return new AuditReadPage(slice.rows(), slice.next());
    }
}
