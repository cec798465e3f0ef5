package se.uppfoljningsliggaren.query.followup;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.BreakdownValue;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.Correction;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.GetIndikatorSeries;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.IndikatorSeries;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.SeriesPoint;
import se.uppfoljningsliggaren.kernel.query.PlanViews.IndikatorView;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.StyrtalContent;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An indikator's time series: recorded utfall and prognos (with corrections), and the "senast kända värde" each
 * plan printed, ordered by period.
 */
@Component
class SeriesQueryHandler {

    private final JdbcTemplate jdbc;

    SeriesQueryHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<IndikatorSeries> handle(GetIndikatorSeries query) {
        List<IndikatorView> indikator = jdbc.query("SELECT * FROM indikator_view WHERE indikator_id = ?",
                (rs, i) -> new IndikatorView(rs.getString("indikator_id"), rs.getString("name"), rs.getString("unit"),
                        rs.getString("description")), query.indikatorId());
        if (indikator.isEmpty()) {
            return Optional.empty();
        }
        // as of an instant: the versions valid then, of the figures and of the plans' styrtal
        String validThen = query.asOf() == null ? "" : " AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)";
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(query.indikatorId(), query.namnd(), query.namnd()));
        if (query.asOf() != null) {
            args.add(java.sql.Timestamp.from(query.asOf()));
            args.add(java.sql.Timestamp.from(query.asOf()));
        }
        // live: the current versions of the figures
        List<SeriesPoint> points = new ArrayList<>(jdbc.query("""
                SELECT * FROM utfall_version WHERE indikator_id = ? AND (?::text IS NULL OR namnd_code = ?::text)%s
                ORDER BY series_id, figure_key""".formatted(query.asOf() == null ? " AND valid_to IS NULL" : validThen),
                (rs, i) -> new SeriesPoint(rs.getString("namnd_code"), rs.getInt("year"),
                        ReadModelJson.read(rs.getString("figure"), PeriodValue.class),
                        List.of(ReadModelJson.read(rs.getString("breakdowns"), BreakdownValue[].class)), "UTFALL", null,
                        rs.getString("source"), rs.getString("comment"), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        Arrays.asList(ReadModelJson.read(rs.getString("corrections"), Correction[].class)),
                        rs.getString("provenance") == null ? null
                                : ReadModelJson.read(rs.getString("provenance"), Provenance.class)),
                args.toArray()));
        jdbc.query("""
                SELECT plan_id, namnd_code, content FROM %s
                WHERE indikator_id = ? AND (?::text IS NULL OR namnd_code = ?::text)%s
                ORDER BY plan_id, styrtal_id""".formatted(query.asOf() == null ? "styrtal_usage" : "styrtal_usage_version",
                validThen), rs -> {
            StyrtalContent content = ReadModelJson.read(rs.getString("content"), StyrtalContent.class);
            List<BreakdownValue> breakdowns = content.breakdowns().stream().filter(b -> b.senastKanda() != null)
                    .map(b -> new BreakdownValue(b.dimension(), b.label(), b.senastKanda().value())).toList();
            PeriodValue printed = content.senastKanda() != null ? content.senastKanda()
                    : content.breakdowns().stream().map(b -> b.senastKanda()).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (printed != null) {
                points.add(new SeriesPoint(rs.getString("namnd_code"), printed.period().endYear(),
                        content.senastKanda(), breakdowns, "PLAN", rs.getString("plan_id"), null, null, null, null,
                        List.of(), null));
            }
        }, args.toArray());
        points.sort(Comparator.comparing(SeriesPoint::namnd)
                .thenComparingInt(p -> p.figure() == null ? p.year() * 100 + 13 : UtfallProjection.order(p.figure().period()))
                .thenComparing(SeriesPoint::origin));
        return Optional.of(new IndikatorSeries(indikator.get(0), points));
    }
}
