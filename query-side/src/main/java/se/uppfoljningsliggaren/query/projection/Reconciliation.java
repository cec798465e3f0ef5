package se.uppfoljningsliggaren.query.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.query.admin.ReadModelRebuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that every projection applied every event it handles, instead of trusting the tracking: Axon drops a
 * global_index gap that outlives its gap timeout (issue #4829), so an event of a slow transaction can be missing
 * from a read table for good. Per processor and aggregate, the stored events of the types it handles are counted
 * against projection_progress plus its parked dead letters, up to the index below which the processor's tokens
 * have no gap (an open gap is lag, not loss). A difference is reported (readiness, metrics) and repaired by
 * replaying the processor, since the document-style projections cannot apply a missed event out of order.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ProjectionMonitor monitor;
    private final ProjectionProgress progress;
    private final ReadModelRebuilder rebuilder;
    private final boolean autoRepair;
    private volatile Report last;

    Reconciliation(JdbcTemplate jdbc, ProjectionMonitor monitor, ProjectionProgress progress,
                   ReadModelRebuilder rebuilder, @Value("${ledger.projections.auto-repair:false}") boolean autoRepair) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.monitor = monitor;
        this.progress = progress;
        this.rebuilder = rebuilder;
        this.autoRepair = autoRepair;
    }

    /** Events of an aggregate the processor should have applied but has neither applied nor parked. */
    public record Missing(String processor, String aggregateIdentifier, long storedEvents, long appliedEvents,
                          long parkedEvents) {
        public long missingEvents() {
            return storedEvents - appliedEvents - parkedEvents;
        }
    }

    /**
     * checkedUpTo: per processor, the global index up to which it was compared (processors being replayed or not
     * started are absent); repaired: the processors replayed to repair, after which the check ran again.
     */
    public record Report(Instant checkedAt, Map<String, Long> checkedUpTo, List<Missing> missing,
                         List<String> repaired) {
    }

    /** The last report, null before the first check. */
    public Report last() {
        return last;
    }

    public long missingEvents(String processor) {
        Report report = last;
        return report == null ? 0 : report.missing().stream().filter(m -> m.processor().equals(processor))
                .mapToLong(Missing::missingEvents).sum();
    }

    @Scheduled(fixedDelayString = "${ledger.projections.reconcile-interval:1m}",
            initialDelayString = "${ledger.projections.reconcile-interval:1m}")
    void scheduled() throws InterruptedException {
        // mid-rebuild every processor lacks what it has not replayed yet: that is no drift to repair
        if (rebuilder.rebuildingSince().isEmpty()) {
            reconcile(autoRepair);
        }
    }

    public synchronized Report reconcile(boolean repair) throws InterruptedException {
        Report report = check();
        if (repair && !report.missing().isEmpty()) {
            Set<String> processors = new TreeSet<>();
            report.missing().forEach(m -> processors.add(m.processor()));
            for (String processor : processors) {
                rebuilder.rebuild(processor, Duration.ofMinutes(10));
            }
            Report after = check();
            report = new Report(after.checkedAt(), after.checkedUpTo(), after.missing(), List.copyOf(processors));
        }
        last = report;
        if (!report.missing().isEmpty()) {
            log.warn("Projections miss events: {}", report.missing());
        }
        return report;
    }

    private Report check() {
        Instant at = Instant.now();
        Map<String, List<TrackingToken>> tokens = monitor.tokens();
        List<String> storedTypes = jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry",
                String.class);
        Map<String, Long> checkedUpTo = new TreeMap<>();
        List<Missing> missing = new ArrayList<>();
        for (String processor : monitor.processors()) {
            Long bound = gaplessUpTo(tokens.getOrDefault(processor, List.of()));
            List<String> types = storedTypes.stream().filter(type -> handles(processor, type)).toList();
            if (bound == null || types.isEmpty()) {
                continue;
            }
            checkedUpTo.put(processor, bound);
            missing.addAll(named.query("""
                    WITH stored AS (
                        SELECT aggregate_identifier, count(*) AS events FROM domain_event_entry
                        WHERE payload_type IN (:types) AND global_index <= :bound GROUP BY aggregate_identifier),
                    parked AS (
                        SELECT sequence_identifier, count(*) AS events FROM dead_letter_entry
                        WHERE processing_group = :processor GROUP BY sequence_identifier)
                    SELECT s.aggregate_identifier, s.events, coalesce(p.applied_events, 0) AS applied,
                           coalesce(d.events, 0) AS parked
                    FROM stored s
                    LEFT JOIN projection_progress p
                           ON p.processor = :processor AND p.aggregate_identifier = s.aggregate_identifier
                    LEFT JOIN parked d ON d.sequence_identifier = s.aggregate_identifier
                    WHERE s.events > coalesce(p.applied_events, 0) + coalesce(d.events, 0)
                    ORDER BY s.aggregate_identifier""",
                    new MapSqlParameterSource().addValue("types", types).addValue("bound", bound)
                            .addValue("processor", processor),
                    (rs, row) -> new Missing(processor, rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4))));
        }
        return new Report(at, checkedUpTo, missing, List.of());
    }

    private boolean handles(String processor, String payloadType) {
        try {
            return progress.handles(processor, Class.forName(payloadType, false, getClass().getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The global index up to which every segment has seen every event: below the first open gap of its token.
     * Null while a segment has no plain gap-aware token (not started, replaying, merging): nothing to compare yet.
     */
    private static Long gaplessUpTo(List<TrackingToken> segments) {
        long bound = Long.MAX_VALUE;
        for (TrackingToken token : segments) {
            if (!(token instanceof GapAwareTrackingToken gapAware)) {
                return null;
            }
            long upTo = gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
            bound = Math.min(bound, upTo);
        }
        return segments.isEmpty() ? null : bound;
    }
}
