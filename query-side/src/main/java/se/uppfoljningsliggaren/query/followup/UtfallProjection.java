package se.uppfoljningsliggaren.query.followup;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.Correction;
import se.uppfoljningsliggaren.kernel.followup.UtfallCorrected;
import se.uppfoljningsliggaren.kernel.followup.UtfallRecorded;
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.query.LaneMemory;
import se.uppfoljningsliggaren.query.ProjectionBatch;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.ReplayedTable;
import se.uppfoljningsliggaren.query.RowInsert;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Recorded figures, every version of each with the instants between which it held (the current one has no end), and
 * every correction, for the indikator time series live and as of an instant. Written once per batch (see
 * {@link Versions}).
 */
@Component
@ProcessingGroup(UtfallProjection.PROCESSING_GROUP)
class UtfallProjection {

    static final String PROCESSING_GROUP = "followup-views";

    private final JdbcTemplate jdbc;

    UtfallProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UtfallRecorded event, DomainEventMessage<?> message) {
        long globalIndex = StorePosition.of(jdbc, message);
        versions().add(new Change(event.seriesId(), key(event.figure()), globalIndex, message.getTimestamp(),
                current -> current != null ? current : new Version(event.namndCode(), event.indikatorId(),
                        event.year(), order(event.figure().period()), ReadModelJson.write(event.figure()),
                        ReadModelJson.write(event.breakdowns()), event.source(), event.comment(), principal(message),
                        message.getTimestamp(), List.of(), provenance(message))));
    }

    @EventHandler
    void on(UtfallCorrected event, DomainEventMessage<?> message) {
        long globalIndex = StorePosition.of(jdbc, message);
        Correction correction = new Correction(event.corrected(), event.figure(), event.reason(), principal(message),
                message.getTimestamp());
        String figure = ReadModelJson.write(event.figure());
        String breakdowns = ReadModelJson.write(event.breakdowns());
        String provenance = provenance(message);
        versions().add(new Change(event.seriesId(), key(event.figure()), globalIndex, message.getTimestamp(),
                current -> {
                    List<Correction> corrections = new ArrayList<>(Objects.requireNonNull(current, event.seriesId())
                            .corrections());
                    corrections.add(correction);
                    return new Version(current.namndCode(), current.indikatorId(), current.year(),
                            current.periodOrder(), figure, breakdowns, current.source(), current.comment(),
                            current.recordedBy(), current.recordedAt(), corrections, provenance);
                }));
    }

    /** A row per figure event; a replay reads a figure's current version by the primary key alone. */
    @Bean
    static ReplayedTable utfallVersionReplayed() {
        return new ReplayedTable(PROCESSING_GROUP, "utfall_version", Set.of());
    }

    @ResetHandler
    void reset() {
        // TRUNCATE: a replay empties the whole table, and DELETE would leave every row behind as a dead tuple
        jdbc.execute("TRUNCATE utfall_version");
    }

    private Versions versions() {
        return ProjectionBatch.part(Versions.class, () -> new Versions(jdbc));
    }

    /** A figure's row as it stood in one version; its provenance as the last recording or correction gave it. */
    private record Version(String namndCode, String indikatorId, int year, int periodOrder, String figure,
                           String breakdowns, String source, String comment, String recordedBy, Instant recordedAt,
                           List<Correction> corrections, String provenance) {
    }

    /** What an event makes of the figure's current version (null: none yet). */
    private record Change(String seriesId, String figureKey, long globalIndex, Instant at, UnaryOperator<Version> apply) {
    }

    /**
     * The batch's changes. At the flush the current version of each figure the batch touches is read in one
     * statement; each change makes a new version valid from its event, which ends the one before it.
     */
    private static final class Versions implements ProjectionBatch.Part {

        private static final RowInsert INSERT = RowInsert.into("utfall_version", "series_id", "figure_key",
                "global_index", "namnd_code", "indikator_id", "year", "period_order", "valid_from", "valid_to",
                "figure::json", "breakdowns::json", "source", "comment", "recorded_by", "recorded_at",
                "corrections::json", "provenance::json");

        /** The lane memory of each figure's current version; a region's year of figures is far fewer. */
        private static final String CURRENT = "utfall current versions";
        private static final int REMEMBERED_FIGURES = 50_000;

        private final JdbcTemplate jdbc;
        private final List<Change> changes = new ArrayList<>();

        Versions(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(Change change) {
            changes.add(change);
        }

        @Override
        public void flush() {
            if (changes.isEmpty()) {
                return;
            }
            Map<String, Change> firstByFigure = new LinkedHashMap<>();
            changes.forEach(c -> firstByFigure.merge(c.seriesId() + '\u0000' + c.figureKey(), c,
                    (a, b) -> a.globalIndex() <= b.globalIndex() ? a : b));
            Map<String, Version> current = new HashMap<>();
            // in a replay's lane, what it remembers of each figure's current version (or that there is none)
            LaneMemory.Of<Version> remembered = LaneMemory.of(CURRENT, REMEMBERED_FIGURES);
            if (remembered != null) {
                remembered.answer(firstByFigure.keySet(), current);
            }
            // one probe of the primary key per figure (its latest version below the batch's first change): a join
            // would let the planner scan every current version, a cost that grows with the table
            if (!firstByFigure.isEmpty()) {
                jdbc.query("""
                        SELECT v.* FROM unnest(?::text[], ?::text[], ?::bigint[]) AS k(series_id, figure_key, below)
                        CROSS JOIN LATERAL (SELECT * FROM utfall_version v
                                            WHERE v.series_id = k.series_id AND v.figure_key = k.figure_key
                                              AND v.global_index < k.below
                                            ORDER BY v.global_index DESC LIMIT 1) v
                        WHERE v.valid_to IS NULL""", rs -> {
                    current.put(rs.getString("series_id") + '\u0000' + rs.getString("figure_key"), new Version(
                            rs.getString("namnd_code"), rs.getString("indikator_id"), rs.getInt("year"),
                            rs.getInt("period_order"), rs.getString("figure"), rs.getString("breakdowns"),
                            rs.getString("source"), rs.getString("comment"), rs.getString("recorded_by"),
                            rs.getTimestamp("recorded_at").toInstant(),
                            Arrays.asList(ReadModelJson.read(rs.getString("corrections"), Correction[].class)),
                            rs.getString("provenance")));
                }, firstByFigure.values().stream().map(Change::seriesId).toArray(String[]::new),
                        firstByFigure.values().stream().map(Change::figureKey).toArray(String[]::new),
                        firstByFigure.values().stream().map(Change::globalIndex).toArray(Long[]::new));
            }
            List<Object[]> ended = new ArrayList<>();
            Map<String, Object[]> inserted = new LinkedHashMap<>();
            Map<String, Object[]> latest = new HashMap<>();
            changes.stream().sorted(Comparator.comparingLong(Change::globalIndex)).forEach(c -> {
                String figure = c.seriesId() + '\u0000' + c.figureKey();
                Timestamp at = Timestamp.from(c.at());
                Object[] before = latest.get(figure);
                if (before != null) {
                    before[8] = at;
                } else if (current.containsKey(figure)) {
                    ended.add(new Object[]{at, c.seriesId(), c.figureKey(), c.globalIndex()});
                }
                Version version = c.apply().apply(current.get(figure));
                current.put(figure, version);
                if (remembered != null) {
                    remembered.wrote(figure, version);
                }
                Object[] row = {c.seriesId(), c.figureKey(), c.globalIndex(), version.namndCode(),
                        version.indikatorId(), version.year(), version.periodOrder(), at, null, version.figure(),
                        version.breakdowns(), version.source(), version.comment(), version.recordedBy(),
                        Timestamp.from(version.recordedAt()),
                        version.corrections().isEmpty() ? "[]" : ReadModelJson.write(version.corrections()),
                        version.provenance()};
                latest.put(figure, row);
                inserted.put(figure + '\u0000' + c.globalIndex(), row);
            });
            changes.clear();
            ProjectionBatch.batchUpdate(jdbc, "UPDATE utfall_version SET valid_to = ? WHERE series_id = ? "
                    + "AND figure_key = ? AND valid_to IS NULL AND global_index < ?", ended);
            INSERT.insert(jdbc, new ArrayList<>(inserted.values()));
        }
    }

    private static String key(PeriodValue figure) {
        return figure.basis() + " " + figure.period().label();
    }

    /** Orders periods within a year: months and delår by month, tertials after their last month, the year last. */
    static int order(Period period) {
        int withinYear = switch (period.kind()) {
            case MONTH -> period.month();
            case TERTIAL -> period.tertial() * 4;
            case DELAR -> period.asOf().getMonthValue();
            case YEAR, SPAN -> 13;
        };
        return period.endYear() * 100 + withinYear;
    }

    private static String principal(DomainEventMessage<?> message) {
        return LedgerMetadata.principal(message.getMetaData());
    }

    private static String provenance(DomainEventMessage<?> message) {
        Provenance provenance = Provenance.of(message.getMetaData());
        return provenance == null ? null : ReadModelJson.write(provenance);
    }
}
