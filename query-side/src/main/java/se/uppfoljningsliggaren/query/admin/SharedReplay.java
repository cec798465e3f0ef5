package se.uppfoljningsliggaren.query.admin;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.query.LaneMemory;
import se.uppfoljningsliggaren.query.RowInsert;
import se.uppfoljningsliggaren.query.StorePosition;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A replay that reads the event store once, however many processors it rebuilds: reading and decoding the store was
 * most of a rebuild's work when every processor read it for itself. One reader streams the store in order and hands
 * each batch to every processor's lane, a thread of its own applying the batch through the processor's own handlers
 * (and their dead-letter queue) in one transaction that also advances the processor's tokens, as the processor
 * itself would. The processors are stopped meanwhile and started afterwards from those tokens: they apply what was
 * appended since, and a lane whose batch failed stops there, so its processor applies that batch again one by one
 * and parks the failing event alone (see ProjectionBatch). The tables written a row per event have their secondary
 * indexes dropped meanwhile and built once at the end ({@link SuspendedIndexes}).
 */
@Component
class SharedReplay {

    private static final Logger log = LoggerFactory.getLogger(SharedReplay.class);

    /** Events per batch: the store is read in pages of this size, and each lane applies one in a transaction. */
    private static final int BATCH = 1000;
    /** Batches a lane may be behind the reader before the reader waits for it (memory stays bounded). */
    private static final int QUEUED_BATCHES = 4;
    private static final Batch END = new Batch(List.of(), Map.of());

    private final EventStorageEngine storage;
    private final TokenStore tokenStore;
    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final SuspendedIndexes indexes;

    SharedReplay(EventStorageEngine storage, TokenStore tokenStore, TransactionManager transactions,
                 JdbcTemplate jdbc, SuspendedIndexes indexes) {
        this.storage = storage;
        this.tokenStore = tokenStore;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /**
     * Applies every stored event to the given processors, which must be stopped with their tokens just reset.
     * Answers, by processor, the milliseconds until its lane had applied the last event read; a lane that failed
     * is missing, its processor finishes the replay once started.
     */
    Map<String, Long> replay(List<StreamingEventProcessor> processors) throws InterruptedException {
        indexes.suspend(processors.stream().map(StreamingEventProcessor::getName).toList());
        try {
            return replayWithLanes(processors);
        } finally {
            indexes.restore();
        }
    }

    private Map<String, Long> replayWithLanes(List<StreamingEventProcessor> processors) throws InterruptedException {
        Instant start = Instant.now();
        List<Lane> lanes = processors.stream().filter(AbstractEventProcessor.class::isInstance)
                .map(p -> new Lane((AbstractEventProcessor) p, start)).toList();
        lanes.forEach(Lane::start);
        long waitedNanos = 0;
        long replayed = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> read = events.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
            while (read.hasNext()) {
                batch.add(decoded(read.next()));
                if (batch.size() == BATCH || !read.hasNext()) {
                    Batch ready = new Batch(batch, positions(batch));
                    long offered = System.nanoTime();
                    for (Lane lane : lanes) {
                        lane.offer(ready);
                    }
                    waitedNanos += System.nanoTime() - offered;
                    replayed += batch.size();
                    batch = new ArrayList<>(BATCH);
                }
            }
        } finally {
            for (Lane lane : lanes) {
                lane.offer(END);
            }
        }
        Map<String, Long> millis = new TreeMap<>();
        Map<String, String> busy = new TreeMap<>();
        for (Lane lane : lanes) {
            lane.thread.join();
            if (lane.failure == null) {
                millis.put(lane.name, lane.millis);
            }
            busy.put(lane.name, lane.busyNanos / 1_000_000 + " (CPU " + lane.cpuNanos / 1_000_000 + ")");
        }
        // where the time went: the reader waiting for room in a lane is the slowest lane's applying
        log.info("Replayed {} events in {} ms, of which the reader waited for lanes {} ms; each lane applying, its own CPU in brackets (ms): {}",
                replayed, Duration.between(start, Instant.now()).toMillis(), waitedNanos / 1_000_000, busy);
        return millis;
    }

    /** A page of the store as every lane applies it, with its events' store positions (see StorePosition). */
    private record Batch(List<TrackedEventMessage<?>> events, Map<String, Long> positions) {
    }

    /**
     * The store positions of the batch's events, read once for every lane, from the window its tokens span (in a
     * sequential read an event's token is its own position; one that filled a gap the lanes look up themselves).
     */
    private Map<String, Long> positions(List<TrackedEventMessage<?>> batch) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (TrackedEventMessage<?> event : batch) {
            OptionalLong position = event.trackingToken().position();
            if (position.isPresent()) {
                from = Math.min(from, position.getAsLong());
                to = Math.max(to, position.getAsLong());
            }
        }
        return from > to ? Map.of() : StorePosition.window(jdbc, from, to + 1);
    }

    /**
     * The event with its payload, metadata and time decoded here, once: the reader has time to spare (it mostly waits for
     * the lanes), and lanes decoding the same event side by side would each do it. An event that cannot be decoded
     * is handed on as it is: the handlers of each lane meet the same error and park it.
     */
    private static TrackedEventMessage<?> decoded(TrackedEventMessage<?> event) {
        try {
            event.getPayload();
            event.getMetaData();
            // parsed from the stored text on first use: by one lane or, racing, by several
            event.getTimestamp();
        } catch (RuntimeException undecodable) {
            log.debug("Event {} not decoded by the reader: {}", event.getIdentifier(), undecodable.toString());
        }
        return event;
    }

    /** One processor's share of the replay. */
    private final class Lane implements Runnable {

        private final AbstractEventProcessor processor;
        private final EventHandlerInvoker invoker;
        private final String name;
        private final Instant start;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        private final Thread thread;
        /**
         * Whether the processor handles an event, by payload type: asking its invoker walks every handler (and, in a
         * replay, whether each allows one) for every event. Its handlers match by payload type alone.
         */
        private final Map<Class<?>, Boolean> handles = new HashMap<>();
        /** What the lane's projections keep between its batches (see LaneMemory). */
        private final LaneMemory memory = new LaneMemory();
        private int[] segments;
        /** Each segment's token as the reset left it: the replay advances from these. */
        private TrackingToken[] resetTokens;
        private volatile Throwable failure;
        private volatile long millis;
        private volatile long busyNanos;
        private volatile long cpuNanos;

        Lane(AbstractEventProcessor processor, Instant start) {
            this.processor = processor;
            this.invoker = processor.eventHandlerInvoker();
            this.name = processor.getName();
            this.start = start;
            this.thread = new Thread(this, "replay-" + name);
        }

        void start() {
            thread.start();
        }

        /** Hands the lane a batch; a lane that has failed or ended takes no more, so the reader never waits on it. */
        void offer(Batch batch) throws InterruptedException {
            while (failure == null && thread.isAlive() && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the lane is busy applying: wait for room
            }
        }

        @Override
        public void run() {
            try {
                transactions.executeInTransaction(() -> {
                    segments = tokenStore.fetchSegments(name);
                    resetTokens = new TrackingToken[segments.length];
                    for (int i = 0; i < segments.length; i++) {
                        resetTokens[i] = tokenStore.fetchToken(name, segments[i]);
                    }
                });
                for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                    long applying = System.nanoTime();
                    apply(batch);
                    busyNanos += System.nanoTime() - applying;
                }
                millis = Duration.between(start, Instant.now()).toMillis();
                cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            } catch (Throwable e) {
                failure = e;
                log.warn("Replay of {} stopped at a failing batch; the processor applies the rest: {}", name,
                        e.toString());
            }
        }

        private void apply(Batch batch) throws Exception {
            TrackingToken last = batch.events().get(batch.events().size() - 1).trackingToken();
            List<TrackedEventMessage<?>> handled = batch.events().stream()
                    .filter(event -> handles.computeIfAbsent(event.getPayloadType(),
                            type -> invoker.canHandle(event, Segment.ROOT_SEGMENT))).toList();
            if (handled.isEmpty()) {
                transactions.executeInTransaction(() -> advanceTokens(last));
                return;
            }
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(handled);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.resources().put(StorePosition.GIVEN, batch.positions());
            unitOfWork.resources().put(RowInsert.REPLAYING, true);
            unitOfWork.resources().put(LaneMemory.RESOURCE, memory);
            unitOfWork.onPrepareCommit(u -> advanceTokens(last));
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                    processor.getHandlerInterceptors(), event -> {
                        invoker.handle(event, Segment.ROOT_SEGMENT);
                        return null;
                    }).proceed());
            if (result.isExceptional()) {
                throw new IllegalStateException("batch up to " + last + " failed", result.exceptionResult());
            }
        }

        /** Every segment has applied its events up to {@code last}: tokens as the processor would store them. */
        private void advanceTokens(TrackingToken last) {
            // the batch's rows and its tokens commit together, so a commit a crash loses is only applied again: the
            // lane need not wait for it to reach the disk (on a server with fsync, a wait per batch and lane)
            jdbc.execute("SET LOCAL synchronous_commit TO OFF");
            for (int i = 0; i < segments.length; i++) {
                TrackingToken token = resetTokens[i] instanceof ReplayToken replay ? replay.advancedTo(last) : last;
                tokenStore.storeToken(token, name, segments[i]);
            }
        }
    }
}
