package se.uppfoljningsliggaren.query.followup;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.FollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetFollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetOverview;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.Overview;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.OverviewRow;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.ResultatLineView;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.ResultatrapportView;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIkOverview;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverview;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverviewRow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The uppsiktsplikt overview: all nämnder of a year in one answer (måluppfyllelse, economy, internal control), each
 * row linking to its drill-down views.
 */
@Component
class OverviewHandler {

    private final JdbcTemplate jdbc;
    private final FollowUpReportHandler reports;
    private final QueryGateway queries;

    OverviewHandler(JdbcTemplate jdbc, FollowUpReportHandler reports, QueryGateway queries) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.queries = queries;
    }

    @QueryHandler
    Overview handle(GetOverview query) {
        Map<String, int[]> counts = jdbc.query("""
                SELECT namnd_code, count(*) AS total, count(*) FILTER (WHERE status = 'FASTSTALLD') AS faststallda
                FROM followup_view WHERE year = ? GROUP BY namnd_code""",
                (rs, i) -> Map.entry(rs.getString(1), new int[]{rs.getInt(2), rs.getInt(3)}), query.year())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, IkOverviewRow> internkontroll = queries.query(new GetIkOverview(query.year()),
                        ResponseTypes.instanceOf(IkOverview.class)).join().namnder().stream()
                .collect(Collectors.toMap(IkOverviewRow::namnd, row -> row));
        List<OverviewRow> rows = jdbc.query("""
                SELECT n.code, n.name, f.occasion_id FROM namnd_view n
                LEFT JOIN followup_view f ON f.namnd_code = n.code AND f.year = ? AND f.kind = ?
                ORDER BY n.code, f.occasion_id""", (rs, i) -> {
            String namnd = rs.getString(1);
            int[] count = counts.getOrDefault(namnd, new int[2]);
            String occasionId = rs.getString(3);
            Optional<FollowUpReport> report = occasionId == null ? Optional.empty()
                    : reports.handle(new GetFollowUpReport(occasionId));
            ResultatLineView total = report.map(FollowUpReport::resultatrapport)
                    .flatMap(ResultatrapportView::totalLine).orElse(null);
            return new OverviewRow(namnd, rs.getString(2), occasionId, report.map(FollowUpReport::faststalld)
                    .orElse(false), report.map(FollowUpReport::summary).orElse(List.of()),
                    total == null ? null : total.budgetavvikelse(), total == null ? null : total.label(), count[0],
                    count[1], occasionId == null ? null : "/api/followups/" + occasionId,
                    "/api/plans/" + namnd + "-" + query.year(), internkontroll.get(namnd));
        }, query.year(), query.kind().name());
        return new Overview(query.year(), query.kind(), rows);
    }
}
