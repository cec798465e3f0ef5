package se.uppfoljningsliggaren.query.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.uppfoljningsliggaren.query.ProjectionNotifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.query.web.ViewFreshness;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rebuilds every read table from the event store: each streaming processor is stopped, its tokens reset to the
 * start (its @ResetHandlers empty its tables and its projection_progress), the store is replayed into all of them
 * at once, reading it once ({@link SharedReplay}), and each is started again and awaited until it has caught up
 * with the head (the events appended meanwhile, or a batch its replay lane could not apply). Each processor owns its
 * tables, so the lanes do not wait for one another. In a deployment with several query processes, stop the
 * processors on the others first.
 */
@Component
public class ReadModelRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

    /** Idle segments advance without committing a batch, so their progress is looked at this often too. */
    private static final Duration RECHECK = Duration.ofMillis(500);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionNotifier notifier;
    private final SharedReplay replay;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Instant rebuildingSince;

    ReadModelRebuilder(EventProcessingConfiguration processing, EventStore eventStore, ProjectionNotifier notifier,
                       SharedReplay replay) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.notifier = notifier;
        this.replay = replay;
    }

    public record RebuildReport(Map<String, Long> millisByProcessor) {
    }

    /** Rebuilds every processor's tables side by side; answers how long each took to catch up, in milliseconds. */
    public RebuildReport rebuildAll(Duration timeout) throws InterruptedException {
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        Instant start = Instant.now();
        Map<String, Long> millis = rebuild(processors, timeout);
        log.info("Rebuilt every processor side by side in {} ms: {}", Duration.between(start, Instant.now())
                .toMillis(), millis);
        return new RebuildReport(millis);
    }

    /** Rebuilds the read tables of one processor; answers how long it took in milliseconds. */
    public long rebuild(String processorName, Duration timeout) throws InterruptedException {
        StreamingEventProcessor processor = processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("no streaming processor named " + processorName));
        long millis = rebuild(List.of(processor), timeout).get(processorName);
        log.info("Rebuilt {} in {} ms", processorName, millis);
        return millis;
    }

    /**
     * When the rebuild under way began, if one is: until it has caught up the read tables are incomplete, so the
     * views answer 503 meanwhile (ReadSideWebConfiguration) rather than "not found".
     */
    public Optional<Instant> rebuildingSince() {
        return Optional.ofNullable(rebuildingSince);
    }

    /**
     * Answers, by processor, the milliseconds until it had caught up with the head the store had at the start: until
     * its replay lane had applied the last event read, or, for a lane that failed, until the processor had. One
     * rebuild at a time: another asked for meanwhile is refused at once (409), not queued behind it.
     */
    private Map<String, Long> rebuild(List<StreamingEventProcessor> processors, Duration timeout)
            throws InterruptedException {
        if (!running.tryLock()) {
            Instant since = rebuildingSince;
            throw ViewFreshness.problem(HttpStatus.CONFLICT, "rebuild", "a rebuild of the read tables is under way"
                    + (since == null ? "" : " since " + since) + "; wait for it to finish");
        }
        rebuildingSince = Instant.now();
        try {
            return replayAndAwait(processors, timeout);
        } finally {
            rebuildingSince = null;
            running.unlock();
        }
    }

    private Map<String, Long> replayAndAwait(List<StreamingEventProcessor> processors, Duration timeout)
            throws InterruptedException {
        Instant start = Instant.now();
        long head = eventStore.createHeadToken().position().orElse(0);
        processors.stream().map(StreamingEventProcessor::shutdownAsync).toList().forEach(CompletableFuture::join);
        processors.forEach(StreamingEventProcessor::resetTokens);
        Map<String, Long> replayed;
        try {
            replayed = replay.replay(processors);
        } finally {
            // also when the replay could not read the store: the processors go on from the tokens it committed
            processors.forEach(StreamingEventProcessor::start);
        }
        Map<String, Long> millis = new TreeMap<>();
        boolean done = notifier.awaitUntil(() -> {
            for (StreamingEventProcessor processor : processors) {
                if (!millis.containsKey(processor.getName()) && caughtUp(processor, head)) {
                    millis.put(processor.getName(), replayed.getOrDefault(processor.getName(),
                            Duration.between(start, Instant.now()).toMillis()));
                }
            }
            return millis.size() == processors.size();
        }, timeout, RECHECK);
        if (!done) {
            throw new IllegalStateException("not caught up before the deadline: " + processors.stream()
                    .map(StreamingEventProcessor::getName).filter(name -> !millis.containsKey(name)).toList());
        }
        return millis;
    }

    /**
     * Whether every segment has processed up to the head the store had when the rebuild began, woken by the
     * projections' commits. (A replay token only stops reporting "replaying" once a newer event arrives, so that
     * flag cannot be waited for.) A segment in error is waited for too: a batch that failed is applied again one by
     * one, its failing event parked (see ProjectionBatch), so the error passes; one that does not meets the deadline.
     */
    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        status.values().stream().filter(EventTrackerStatus::isErrorState).findFirst().ifPresent(failed ->
                log.warn("{} segment {} failed while rebuilding, retrying: {}", processor.getName(),
                        failed.getSegment().getSegmentId(), failed.getError().toString()));
        int segments = status.values().stream().mapToInt(s -> s.getSegment().getMask() + 1).max().orElse(0);
        return !status.isEmpty() && status.size() == segments && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head);
    }
}
