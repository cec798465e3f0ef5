package se.uppfoljningsliggaren.query.plan;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.*;
import se.uppfoljningsliggaren.kernel.query.PlanViews.*;
import se.uppfoljningsliggaren.kernel.value.PlanStatus;
import se.uppfoljningsliggaren.kernel.value.StyrtalContent;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
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
            // Each plan's last state at the instant, in plan_view's shape, so the list reads the same either way
            plans = """
                    (SELECT DISTINCT ON (plan_id) plan_id, document ->> 'namndCode' AS namnd_code,
                            (document ->> 'year')::int AS year, document ->> 'title' AS title,
                            document ->> 'status' AS status, version, event_time AS last_changed_at, document
                     FROM plan_view_history WHERE event_time <= ? ORDER BY plan_id, version DESC)""";
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
            return jdbc.query("""
                            SELECT h.document, h.version, h.event_time, n.name FROM plan_view_history h
                            LEFT JOIN namnd_view n ON n.code = h.document ->> 'namndCode'
                            WHERE h.plan_id = ? AND h.event_time <= ? ORDER BY h.version DESC LIMIT 1""",
                    (rs, i) -> toView(ReadModelJson.read(rs.getString(1), PlanDocument.class), rs.getLong(2),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)),
                    query.planId(), java.sql.Timestamp.from(query.asOf())).stream().findFirst();
        }
        return jdbc.query("SELECT p.document, p.version, p.last_changed_at, n.name FROM plan_view p "
                        + "LEFT JOIN namnd_view n ON n.code = p.namnd_code WHERE p.plan_id = ?",
                (rs, i) -> toView(ReadModelJson.read(rs.getString(1), PlanDocument.class), rs.getLong(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)), query.planId()).stream().findFirst();
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
        List<String> rfIds = document.uppdrag.values().stream().filter(u -> u.source() == UppdragSource.RF)
                .map(PlanDocument.Uppdrag::uppdragId).toList();
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
        PlanTree tree = new PlanTree(document, rf, indikatorNames);
        return new PlanView(document.planId, document.namndCode, namndName, document.year, document.title,
                document.planningYears, document.status, document.adoptedBy, version, lastChangedAt, tree.goals(null),
                tree.uppdrag(null), tree.budget(), document.revisions.stream()
                .map(r -> new Revision(r.version(), r.eventType(), r.itemId(), r.beslut(), r.principal(), r.at()))
                .toList(), continuity(document));
    }

    /** In the order recorded; the previous plan is always the same nämnd's of the year before. */
    private static PlanContinuity continuity(PlanDocument document) {
        return new PlanContinuity(document.namndCode + "-" + (document.year - 1), document.continuity.values().stream()
                .sorted(Comparator.comparingLong(PlanDocument.Continuity::recordedIn))
                .map(c -> new ContinuityLink(c.kind(), c.itemId(), c.previousItemId(), c.previousItemId() == null))
                .toList(), document.dropped.values().stream()
                .sorted(Comparator.comparingLong(PlanDocument.Dropped::recordedIn))
                .map(d -> new DroppedItem(d.kind(), d.previousItemId(), d.reason())).toList());
    }

    private static IndikatorView indikator(ResultSet rs) throws SQLException {
        return new IndikatorView(rs.getString("indikator_id"), rs.getString("name"), rs.getString("unit"),
                rs.getString("description"));
    }

    private static RfUppdragView rfUppdrag(ResultSet rs) throws SQLException {
        return new RfUppdragView(rs.getString("rf_uppdrag_id"), rs.getInt("year"), rs.getInt("nr"), rs.getString("text"),
                List.of((String[]) rs.getArray("given_to").getArray()), rs.getString("continues_from"));
    }

    /** Turns the flat document into the tree users read, in the order items were added. */
    private record PlanTree(PlanDocument document, Map<String, RfUppdragView> rf, Map<String, String> indikatorNames) {

        List<GoalNode> goals(String parentGoalId) {
            return document.goals.values().stream()
                    .filter(g -> java.util.Objects.equals(g.parentGoalId(), parentGoalId))
                    .sorted(Comparator.comparingLong(PlanDocument.Goal::addedIn))
                    .map(g -> new GoalNode(g.goalId(), g.kind(), g.origin(), g.numbering(), g.title(), g.description(),
                            styrtal(g.goalId()), uppdrag(g.goalId()), aktiviteter(g.goalId(), null), goals(g.goalId()),
                            g.revisedBy()))
                    .toList();
        }

        List<StyrtalNode> styrtal(String goalId) {
            return document.styrtal.values().stream().filter(s -> s.goalId().equals(goalId))
                    .sorted(Comparator.comparingLong(PlanDocument.Styrtal::addedIn)).map(s -> {
                StyrtalContent c = s.content();
                return new StyrtalNode(s.styrtalId(), s.indikatorId(), indikatorNames.get(s.indikatorId()), c.numbering(),
                        c.text(), c.unit(), c.direction(), c.senastKanda(), c.arsMalvarde(), c.langsiktigtMalvarde(),
                        c.breakdowns(), s.revisedBy());
            }).toList();
        }

        List<UppdragNode> uppdrag(String goalId) {
            return document.uppdrag.values().stream()
                    .filter(u -> java.util.Objects.equals(u.goalId(), goalId))
                    .sorted(Comparator.comparingLong(PlanDocument.Uppdrag::addedIn))
                    .map(u -> {
                        RfUppdragView region = u.source() == UppdragSource.RF ? rf.get(u.uppdragId()) : null;
                        return region == null
                                ? new UppdragNode(u.uppdragId(), u.source(), null, u.numbering(), u.text(), u.assignee(),
                                u.continuesFrom(), aktiviteter(null, u.uppdragId()))
                                : new UppdragNode(u.uppdragId(), u.source(), region.year(), "Nr " + region.nr(),
                                region.text(), null, region.continuesFrom(), aktiviteter(null, u.uppdragId()));
                    }).toList();
        }

        List<AktivitetNode> aktiviteter(String goalId, String uppdragId) {
            return document.aktiviteter.values().stream()
                    .filter(a -> goalId != null ? goalId.equals(a.goalId()) : uppdragId.equals(a.uppdragId()))
                    .sorted(Comparator.comparingLong(PlanDocument.Aktivitet::addedIn))
                    .map(a -> new AktivitetNode(a.aktivitetId(), a.text())).toList();
        }

        BudgetView budget() {
            String versionName = switch (document.status) {
                case UTKAST -> "utkast";
                case FASTSTALLD -> document.budgetVersion <= 1 ? "beslutad" : "aktuell";
            };
            Map<String, List<PlanDocument.BudgetLine>> linesByTable = document.budgetLines.values().stream()
                    .collect(Collectors.groupingBy(PlanDocument.BudgetLine::tableId));
            List<BudgetTableView> tables = document.budgetTables.values().stream().map(t -> {
                List<PlanDocument.BudgetLine> lines = new ArrayList<>(linesByTable.getOrDefault(t.tableId(), List.of()));
                lines.sort(Comparator.comparingInt(PlanDocument.BudgetLine::position));
                Map<String, PlanDocument.BudgetLine> byId = lines.stream()
                        .collect(Collectors.toMap(PlanDocument.BudgetLine::lineId, l -> l));
                return new BudgetTableView(t.tableId(), t.kind(), t.title(), t.columns(), lines.stream()
                        .map(l -> new BudgetLineView(l.lineId(), l.parentLineId(), depth(l, byId), l.label(),
                                l.amounts(), java.util.Objects.equals(l.amounts(), l.beslutadAmounts()) ? null
                                : l.beslutadAmounts()))
                        .toList());
            }).toList();
            return new BudgetView(document.budgetVersion, versionName, document.budgetVersionBeslut, tables);
        }

        private static int depth(PlanDocument.BudgetLine line, Map<String, PlanDocument.BudgetLine> byId) {
            int depth = 0;
            for (String parent = line.parentLineId(); parent != null && byId.containsKey(parent);
                 parent = byId.get(parent).parentLineId()) {
                depth++;
            }
            return depth;
        }
    }
}
