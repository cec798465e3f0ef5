package se.uppfoljningsliggaren.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The events the projections could not apply, as Axon's JDBC dead-letter queue keeps them in dead_letter_entry (one
 * sequence per aggregate: later events of the aggregate wait behind the failed one), and their retry.
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final int maxAutomaticAttempts;

    DeadLetters(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                @Value("${ledger.projections.dead-letter-automatic-attempts:5}") int maxAutomaticAttempts) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.maxAutomaticAttempts = maxAutomaticAttempts;
    }

    /** One parked event. The global position is the event's place in the store (null if it is not stored there). */
    public record DeadLetter(String processor, String sequenceIdentifier, long sequenceIndex, String eventType,
                             String eventIdentifier, Long globalPosition, Long aggregateSequence, String causeType,
                             String causeMessage, String enqueuedAt, String lastTouched) {
    }

    public record RetryReport(Map<String, Long> processed, Map<String, Long> stillFailing) {
    }

    public List<DeadLetter> list() {
        return jdbc.query("""
                SELECT d.processing_group, d.sequence_identifier, d.sequence_index, d.payload_type,
                       d.event_identifier, e.global_index, d.sequence_number, d.cause_type, d.cause_message,
                       d.enqueued_at, d.last_touched
                FROM dead_letter_entry d LEFT JOIN domain_event_entry e ON e.event_identifier = d.event_identifier
                ORDER BY d.processing_group, d.sequence_identifier, d.sequence_index""",
                (rs, row) -> new DeadLetter(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11)));
    }

    /** Parked events per processor (processors without any are absent). */
    public Map<String, Long> countByProcessor() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Parked events of one processor per aggregate (sequence identifier). */
    Map<String, Long> countBySequence(String processor) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("""
                SELECT sequence_identifier, count(*) FROM dead_letter_entry WHERE processing_group = ?
                GROUP BY sequence_identifier""", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, processor);
        return counts;
    }

    /**
     * Retries every parked sequence of the given processor (all processors when null) once, in order within each
     * sequence; a sequence that fails again stays parked with the new cause.
     */
    public synchronized RetryReport retry(String processor) {
        return retry(processor, letter -> true);
    }

    /**
     * Heals transient failures (a lost connection, a deadlock) without an operator: letters that have failed fewer
     * than the configured number of times are retried now and then; beyond that only an operator's retry helps.
     */
    @Scheduled(fixedDelayString = "${ledger.projections.dead-letter-retry-interval:5m}",
            initialDelayString = "${ledger.projections.dead-letter-retry-interval:5m}")
    public synchronized void retryAutomatically() {
        RetryReport report = retry(null, letter -> DeadLetterPolicyConfiguration.attempts(letter) < maxAutomaticAttempts);
        if (report.processed().values().stream().anyMatch(n -> n > 0)) {
            log.info("Dead letters retried: processed {}, still parked {}", report.processed(), report.stillFailing());
        }
    }

    private RetryReport retry(String processor,
                              Predicate<org.axonframework.messaging.deadletter.DeadLetter<? extends EventMessage<?>>> filter) {
        Set<String> processors = processor == null ? new TreeSet<>(countByProcessor().keySet()) : Set.of(processor);
        Map<String, Long> processed = new TreeMap<>();
        Map<String, Long> stillFailing = new TreeMap<>();
        for (String name : processors) {
            SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(name)
                    .orElseThrow(() -> new NoSuchElementException("no dead-letter queue for processor " + name));
            long before = count(name);
            // Each attempt takes the least recently touched sequence, so a sequence that fails again goes last.
            int sequences = countBySequence(name).size();
            for (int i = 0; i < sequences; i++) {
                letters.process(filter);
            }
            long after = count(name);
            processed.put(name, before - after);
            stillFailing.put(name, after);
        }
        return new RetryReport(processed, stillFailing);
    }

    private long count(String processor) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                processor);
    }
}
