package se.uppfoljningsliggaren.query.overview;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetOverview;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.Overview;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.OverviewRow;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIkOverview;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverview;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverviewRow;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IskSamlad;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.followup.FollowUpReports.OverviewEntry;
import se.uppfoljningsliggaren.query.ik.IkOverviews;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers both overviews from the projected rows of one year: live, the current versions; as of an instant, the
 * versions that held then (written at or before it, replaced after it or never). One statement, so the rows come
 * from one snapshot of the table.
 */
@Component
class OverviewRows {

    static final String FOLLOWUP = "FOLLOWUP";
    static final String IK = "IK";
    static final String SAMLAD = "SAMLAD";
    private static final String NAMND = "NAMND";

    private final JdbcTemplate jdbc;

    OverviewRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of a year as they stood, by view, each in the order of nämnd and key; the nämnder by code. */
    private record Year(List<Map.Entry<String, String>> namnder, Map<String, List<String>> followUps,
                        Map<String, String> ik, String samlad) {
    }

    @QueryHandler
    Overview handle(GetOverview query) {
        Year year = read(query.year(), query.asOf());
        List<OverviewRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> namnd : year.namnder()) {
            List<OverviewEntry> all = year.followUps().getOrDefault(namnd.getKey(), List.of()).stream()
                    .map(json -> ReadModelJson.read(json, OverviewEntry.class)).toList();
            int faststallda = (int) all.stream().filter(OverviewEntry::adopted).count();
            IkOverviewRow internkontroll = ikRow(year, namnd, query.year());
            String planLink = "/api/plans/" + namnd.getKey() + "-" + query.year();
            List<OverviewEntry> ofKind = all.stream().filter(e -> e.kind() == query.kind()).toList();
            if (ofKind.isEmpty()) {
                rows.add(new OverviewRow(namnd.getKey(), namnd.getValue(), null, false, List.of(), null, null, null,
                        all.size(), faststallda, null, planLink, internkontroll));
            }
            ofKind.forEach(e -> rows.add(new OverviewRow(namnd.getKey(), namnd.getValue(), e.occasionId(),
                    e.faststalld(), e.summary(), e.budgetavvikelse(), e.budgetavvikelsePrinted(),
                    e.budgetavvikelseLine(), all.size(),
                    faststallda, "/api/followups/" + e.occasionId(), planLink, internkontroll)));
        }
        return new Overview(query.year(), query.kind(), rows);
    }

    @QueryHandler
    IkOverview handle(GetIkOverview query) {
        Year year = read(query.year(), query.asOf());
        return new IkOverview(query.year(), IkOverviews.yearEnd(query.year()), year.samlad() == null
                ? IkOverviews.samlad(query.year(), null) : ReadModelJson.read(year.samlad(), IskSamlad.class),
                year.namnder().stream().map(namnd -> ikRow(year, namnd, query.year())).toList());
    }

    /** A nämnd with neither IK-plan nor ISK-bedömning has no row stored: its row is the one computed from nothing. */
    private static IkOverviewRow ikRow(Year year, Map.Entry<String, String> namnd, int y) {
        String json = year.ik().get(namnd.getKey());
        return json == null ? IkOverviews.row(namnd.getKey(), namnd.getValue(), y, null, null, null)
                : ReadModelJson.read(json, IkOverviewRow.class);
    }

    private Year read(int year, Instant asOf) {
        List<Object> args = new ArrayList<>();
        String namnder = "SELECT ? AS row_view, code AS namnd_code, '' AS row_key, name AS row FROM overview_namnd";
        args.add(NAMND);
        String rows = " UNION ALL SELECT row_view, namnd_code, row_key, row::text FROM overview_row WHERE year = ?";
        if (asOf == null) {
            args.add(year);
            rows += " AND valid_to IS NULL";
        } else {
            Timestamp at = Timestamp.from(asOf);
            namnder += " WHERE event_time <= ?";
            args.add(at);
            args.add(year);
            rows += " AND from_time <= ? AND (to_time IS NULL OR to_time > ?)";
            args.add(at);
            args.add(at);
        }
        List<Map.Entry<String, String>> namndList = new ArrayList<>();
        Map<String, List<String>> followUps = new LinkedHashMap<>();
        Map<String, String> ik = new LinkedHashMap<>();
        String[] samlad = new String[1];
        jdbc.query(namnder + rows + " ORDER BY row_view, namnd_code, row_key", rs -> {
            String namnd = rs.getString(2);
            String row = rs.getString(4);
            switch (rs.getString(1)) {
                case NAMND -> namndList.add(Map.entry(namnd, row));
                case FOLLOWUP -> followUps.computeIfAbsent(namnd, n -> new ArrayList<>()).add(row);
                case IK -> ik.put(namnd, row);
                default -> samlad[0] = row;
            }
        }, args.toArray());
        return new Year(namndList, followUps, ik, samlad[0]);
    }
}
