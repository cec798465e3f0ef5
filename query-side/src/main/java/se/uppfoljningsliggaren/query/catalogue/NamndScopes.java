package se.uppfoljningsliggaren.query.catalogue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** The admin's register of who writes for which nämnd, as read from its table. */
@Component
public class NamndScopes {

    /** One person's entry: the nämnder granted, when and by whom it was last set. */
    public record NamndScope(String subject, String name, List<String> namnder, Instant setAt, String setBy) {
    }

    private final JdbcTemplate jdbc;

    NamndScopes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<NamndScope> list() {
        return jdbc.query("SELECT * FROM namnd_scope_view ORDER BY subject", (rs, i) -> new NamndScope(
                rs.getString("subject"), rs.getString("name"), List.of((String[]) rs.getArray("namnder").getArray()),
                rs.getTimestamp("set_at").toInstant(), rs.getString("set_by")));
    }
}
