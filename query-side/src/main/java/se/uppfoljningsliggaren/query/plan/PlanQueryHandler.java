package se.uppfoljningsliggaren.query.plan;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.*;
import se.uppfoljningsliggaren.kernel.query.PlanViews.*;
import se.uppfoljningsliggaren.kernel.value.PlanStatus;
import se.uppfoljningsliggaren.kernel.value.StyrtalContent;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.query.FigureTableEntry;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Answers plan queries from the read tables; never touches the event store. */
@Component
class PlanQueryHandler {

    private final JdbcTemplate jdbc;

    PlanQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<PlanSummary> handle(FindPlans query) {
        List<Object> args = new ArrayList<>();
        String plans = "plan_view";
        if (query.asOf() != null) {
            // Each plan's last state at the instant, in plan_view's shape, so the list reads the same either way: one
            // history row per plan (its head), no document rebuilt
            plans = """
                    (SELECT l.plan_id, h.head ->> 'namndCode' AS namnd_code, (h.head ->> 'year')::int AS year,
                            h.head ->> 'title' AS title, h.head ->> 'status' AS status, h.version,
                            h.event_time AS last_changed_at, h.head AS document
                     FROM plan_view l CROSS JOIN LATERAL (SELECT * FROM plan_view_history x
                         WHERE x.plan_id = l.plan_id AND x.event_time <= ? ORDER BY x.version DESC LIMIT 1) h)""";
            args.add(java.sql.Timestamp.from(query.asOf()));
        }
        StringBuilder sql = new StringBuilder("""
                SELECT p.plan_id, p.namnd_code, n.name, p.year, p.title, p.status, p.version, p.last_changed_at,
                       p.document -> 'adoptedBy' AS adopted_by
                FROM %s p LEFT JOIN namnd_view n ON n.code = p.namnd_code WHERE true""".formatted(plans));
        if (query.namnd() != null) {
            sql.append(" AND p.namnd_code = ?");
            args.add(query.namnd());
        }
        if (query.year() != null) {
            sql.append(" AND p.year = ?");
            args.add(query.year());
        }
        if (query.status() != null) {
            sql.append(" AND p.status = ?");
            args.add(query.status().name());
        }
        sql.append(" ORDER BY p.year DESC, p.namnd_code");
        return jdbc.query(sql.toString(), (rs, i) -> new PlanSummary(rs.getString("plan_id"), rs.getString("namnd_code"),
                rs.getString("name"), rs.getInt("year"), rs.getString("title"), PlanStatus.valueOf(rs.getString("status")),
                rs.getString("adopted_by") == null ? null
                        : ReadModelJson.read(rs.getString("adopted_by"), se.uppfoljningsliggaren.kernel.value.Beslut.class),
                rs.getLong("version"), rs.getTimestamp("last_changed_at").toInstant()), args.toArray());
    }

    @QueryHandler
    Optional<PlanView> handle(GetPlanView query) {
        if (query.asOf() != null) {
            return se.uppfoljningsliggaren.query.Histories.PLAN.asOf(jdbc, query.planId(), query.asOf()).map(then -> {
                PlanDocument document = ReadModelJson.read(then.document(), PlanDocument.class);
                return toView(document, then.version(), then.eventTime(), namndName(document.namndCode));
            });
        }
        return jdbc.query("SELECT p.document, p.version, p.last_changed_at, n.name FROM plan_view p "
                        + "LEFT JOIN namnd_view n ON n.code = p.namnd_code WHERE p.plan_id = ?",
                (rs, i) -> toView(ReadModelJson.read(rs.getString(1), PlanDocument.class), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)), query.planId()).stream().findFirst();
    }

    private String namndName(String code) {
        return jdbc.queryForList("SELECT name FROM namnd_view WHERE code = ?", String.class, code).stream().findFirst()
                .orElse(null);
    }

    @QueryHandler
    Optional<IndikatorUsage> handle(GetIndikatorUsage query) {
        List<IndikatorView> indikator = jdbc.query("SELECT * FROM indikator_view WHERE indikator_id = ?",
                (rs, i) -> indikator(rs), query.indikatorId());
        if (indikator.isEmpty()) {
            return Optional.empty();
        }
        List<IndikatorUse> uses = jdbc.query("""
                SELECT u.plan_id, u.namnd_code, u.year, u.styrtal_id, u.content, p.status,
                       p.document -> 'goals' -> u.goal_id ->> 'numbering' AS goal_numbering,
                       p.document -> 'goals' -> u.goal_id ->> 'title' AS goal_title
                FROM styrtal_usage u JOIN plan_view p ON p.plan_id = u.plan_id
                WHERE u.indikator_id = ? ORDER BY u.year, u.namnd_code, u.styrtal_id""", (rs, i) -> {
            StyrtalContent content = ReadModelJson.read(rs.getString("content"), StyrtalContent.class);
            return new IndikatorUse(rs.getString("plan_id"), rs.getString("namnd_code"), rs.getInt("year"),
                    PlanStatus.valueOf(rs.getString("status")), rs.getString("styrtal_id"),
                    rs.getString("goal_numbering"), rs.getString("goal_title"), content.numbering(), content.text(),
                    content.senastKanda(), content.arsMalvarde(), content.langsiktigtMalvarde(), content.breakdowns());
        }, query.indikatorId());
        return Optional.of(new IndikatorUsage(indikator.get(0), uses));
    }

    @QueryHandler
    List<NamndView> handle(ListNamnder query) {
        return jdbc.query("SELECT * FROM namnd_view ORDER BY code",
                (rs, i) -> new NamndView(rs.getString("code"), rs.getString("name"), rs.getString("forvaltning")));
    }

    @QueryHandler
    List<IndikatorView> handle(ListIndikatorer query) {
        return jdbc.query("SELECT * FROM indikator_view ORDER BY name", (rs, i) -> indikator(rs));
    }

    @QueryHandler
    List<RfUppdragView> handle(ListRfUppdrag query) {
        return jdbc.query("SELECT * FROM rf_uppdrag_view WHERE (?::int IS NULL OR year = ?::int) ORDER BY year, nr",
                (rs, i) -> rfUppdrag(rs), query.year(), query.year());
    }

    private PlanView toView(PlanDocument document, long version, java.time.Instant lastChangedAt, String namndName) {
        Map<String, RfUppdragView> rf = new HashMap<>();
        List<String> rfIds = document.rfUppdragIds();
        if (!rfIds.isEmpty()) {
            jdbc.query("SELECT * FROM rf_uppdrag_view WHERE rf_uppdrag_id = ANY (?)",
                    (ResultSet rs) -> {
                        RfUppdragView view = rfUppdrag(rs);
                        rf.put(view.rfUppdragId(), view);
                    }, (Object) rfIds.toArray(String[]::new));
        }
        Map<String, String> indikatorNames = new HashMap<>();
        List<String> indikatorIds = document.styrtal.values().stream().map(PlanDocument.Styrtal::indikatorId).distinct()
                .toList();
        if (!indikatorIds.isEmpty()) {
            jdbc.query("SELECT indikator_id, name FROM indikator_view WHERE indikator_id = ANY (?)",
                    (ResultSet rs) -> {
                        indikatorNames.put(rs.getString(1), rs.getString(2));
                    }, (Object) indikatorIds.toArray(String[]::new));
        }
        return document.view(version, lastChangedAt, namndName, rf, indikatorNames);
    }

    private static IndikatorView indikator(ResultSet rs) throws SQLException {
        return new IndikatorView(rs.getString("indikator_id"), rs.getString("name"), rs.getString("unit"),
                rs.getString("description"));
    }

    private static RfUppdragView rfUppdrag(ResultSet rs) throws SQLException {
        return new RfUppdragView(rs.getString("rf_uppdrag_id"), rs.getInt("year"), rs.getInt("nr"), rs.getString("text"),
                List.of((String[]) rs.getArray("given_to").getArray()), rs.getString("continues_from"));
    }
}
