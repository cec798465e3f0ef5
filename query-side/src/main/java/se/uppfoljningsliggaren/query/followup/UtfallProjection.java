package se.uppfoljningsliggaren.query.followup;

import se.uppfoljningsliggaren.kernel.source.Provenance;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.Correction;
import se.uppfoljningsliggaren.kernel.followup.UtfallCorrected;
import se.uppfoljningsliggaren.kernel.followup.UtfallRecorded;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Recorded figures with their current value and every correction, for the indikator time series. */
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
        jdbc.update("""
                INSERT INTO utfall_view (series_id, figure_key, namnd_code, indikator_id, year, period_order, figure,
                    breakdowns, source, comment, recorded_by, recorded_at, corrections, last_global_index, provenance)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, '[]'::jsonb, ?, ?::jsonb)
                ON CONFLICT DO NOTHING""",
                event.seriesId(), key(event.figure()), event.namndCode(), event.indikatorId(), event.year(),
                order(event.figure().period()), ReadModelJson.write(event.figure()),
                ReadModelJson.write(event.breakdowns()), event.source(), event.comment(), principal(message),
                Timestamp.from(message.getTimestamp()), globalIndex, provenance(message));
        version(event.seriesId(), key(event.figure()), message, globalIndex);
    }

    @EventHandler
    void on(UtfallCorrected event, DomainEventMessage<?> message) {
        long globalIndex = StorePosition.of(jdbc, message);
        String current = jdbc.queryForObject("SELECT corrections FROM utfall_view WHERE series_id = ? AND figure_key = ?",
                String.class, event.seriesId(), key(event.figure()));
        List<Correction> corrections = new ArrayList<>(Arrays.asList(ReadModelJson.read(current, Correction[].class)));
        corrections.add(new Correction(event.corrected(), event.figure(), event.reason(), principal(message),
                message.getTimestamp()));
        jdbc.update("""
                UPDATE utfall_view SET figure = ?::jsonb, breakdowns = ?::jsonb, corrections = ?::jsonb,
                    last_global_index = ?, provenance = ?::jsonb WHERE series_id = ? AND figure_key = ?""",
                ReadModelJson.write(event.figure()), ReadModelJson.write(event.breakdowns()),
                ReadModelJson.write(corrections), globalIndex, provenance(message), event.seriesId(),
                key(event.figure()));
        version(event.seriesId(), key(event.figure()), message, globalIndex);
    }

    /**
     * The figure's row as it now stands becomes a version of its own, valid from this event until the next one, so
     * the series as of an instant is one indexed read. A replayed event finds its version there.
     */
    private void version(String seriesId, String figureKey, DomainEventMessage<?> message, long globalIndex) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("UPDATE utfall_version SET valid_to = ? WHERE series_id = ? AND figure_key = ? AND valid_to IS NULL "
                + "AND global_index < ?", at, seriesId, figureKey, globalIndex);
        jdbc.update("""
                INSERT INTO utfall_version (series_id, figure_key, global_index, namnd_code, indikator_id, year,
                    period_order, valid_from, figure, breakdowns, source, comment, recorded_by, recorded_at, corrections,
                    provenance)
                SELECT series_id, figure_key, ?, namnd_code, indikator_id, year, period_order, ?, figure, breakdowns,
                    source, comment, recorded_by, recorded_at, corrections, provenance
                FROM utfall_view WHERE series_id = ? AND figure_key = ? ON CONFLICT DO NOTHING""",
                globalIndex, at, seriesId, figureKey);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM utfall_version");
        jdbc.update("DELETE FROM utfall_view");
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

    /** Where the figure comes from, as its last recording or correction gave it (null: not given). */
    private static String provenance(DomainEventMessage<?> message) {
        Provenance provenance = Provenance.of(message.getMetaData());
        return provenance == null ? null : ReadModelJson.write(provenance);
    }

    private static String principal(DomainEventMessage<?> message) {
        return LedgerMetadata.principal(message.getMetaData());
    }
}
