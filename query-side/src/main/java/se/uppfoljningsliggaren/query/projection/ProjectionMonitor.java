package se.uppfoljningsliggaren.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each projection (streaming processor) stands against the event store. Positions come from token_entry, so
 * they cover the segments every query process holds, not only this one's (an idle segment stores its token only
 * every few seconds). A few indexed queries per call; for the gauges the answer is kept for a second, so one
 * scrape of all of them costs one computation.
 */
@Component
public class ProjectionMonitor {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;
    private Snapshot last;

    ProjectionMonitor(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing,
                      DeadLetters deadLetters) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    /**
     * One processor's state. position: the lowest global index all its segments have processed (-1: none yet);
     * lagSeconds: how long the oldest event it has not processed has been in the store.
     */
    public record ProcessorState(String processor, long position, long lagEvents, long lagSeconds,
                                 long deadLetters, boolean replaying) {
    }

    record Snapshot(Instant at, Map<String, ProcessorState> processors) {
    }

    /** The names of the streaming processors (the projections). */
    public List<String> processors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The states as of now. */
    public synchronized Map<String, ProcessorState> states() {
        Instant now = Instant.now();
        last = new Snapshot(now, compute(now));
        return last.processors();
    }

    /** The states as of at most a second ago. */
    synchronized Map<String, ProcessorState> recentStates() {
        return last != null && last.at().plus(FRESH).isAfter(Instant.now()) ? last.processors() : states();
    }

    /** The stored token of every segment of every processor (null for a segment that has processed nothing). */
    Map<String, List<TrackingToken>> tokens() {
        Map<String, List<TrackingToken>> tokens = new TreeMap<>();
        jdbc.query("SELECT processor_name, token, token_type FROM token_entry", rs -> {
            byte[] bytes = rs.getBytes(2);
            TrackingToken token = bytes == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(bytes, byte[].class, rs.getString(3), null));
            tokens.computeIfAbsent(rs.getString(1), name -> new ArrayList<>()).add(token);
        });
        return tokens;
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    private Map<String, ProcessorState> compute(Instant now) {
        long head = head();
        Map<String, List<TrackingToken>> tokens = tokens();
        Map<String, Long> parked = deadLetters.countByProcessor();
        Map<String, ProcessorState> states = new TreeMap<>();
        for (String processor : processors()) {
            List<TrackingToken> segments = tokens.getOrDefault(processor, List.of());
            long position = segments.isEmpty() ? -1 : segments.stream()
                    .mapToLong(token -> token == null ? -1 : token.position().orElse(-1)).min().orElse(-1);
            long lagEvents = Math.max(0, head - position);
            long lagSeconds = lagEvents == 0 ? 0 : waitingSince(position, now);
            boolean replaying = segments.stream().anyMatch(token -> token instanceof ReplayToken);
            states.put(processor, new ProcessorState(processor, position, lagEvents, lagSeconds,
                    parked.getOrDefault(processor, 0L), replaying));
        }
        return states;
    }

    private long waitingSince(long position, Instant now) {
        List<String> oldest = jdbc.queryForList("""
                SELECT time_stamp FROM domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT 1""",
                String.class, position);
        return oldest.isEmpty() ? 0 : Math.max(0, Duration.between(Instant.parse(oldest.get(0)), now).toSeconds());
    }
}
