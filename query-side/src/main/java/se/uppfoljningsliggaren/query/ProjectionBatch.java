package se.uppfoljningsliggaren.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the projections of one processor write during one batch (Axon's unit of work over up to batch-size events, one
 * transaction), kept in memory and written once, when the batch prepares its commit: each document is read once per
 * batch and written once, its history rows and the other rows go in JDBC batches. A failing write there, or a
 * handler that failed while the batch collected, rolls the whole batch back; the processor is then told (see
 * {@code ProjectionHandlerEnhancer}) to apply those events again one by one, each written at once inside its
 * savepoint, so the event that fails is parked alone and leaves nothing behind.
 */
public final class ProjectionBatch {

    /** One projection's share of a batch. */
    public interface Part {
        /** Writes what was collected since the last flush and forgets it (what it caches of the tables stays). */
        void flush();
    }

    private static final String RESOURCE = ProjectionBatch.class.getName();

    private final Consumer<Long> failed;
    private final Map<Object, Part> parts = new LinkedHashMap<>();
    private final Map<String, Long> positions = new HashMap<>();
    private long highestToken = -1;
    private boolean handlerFailed;

    private ProjectionBatch(Consumer<Long> failed) {
        this.failed = failed;
    }

    /**
     * The batch of the current unit of work, made on first use; {@code failed} hears the highest tracking position of
     * the batch if a handler fails in it or its writes are refused at commit.
     */
    public static ProjectionBatch current(Consumer<Long> failed) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch batch = new ProjectionBatch(failed);
            unitOfWork.onPrepareCommit(u -> {
                try {
                    if (batch.handlerFailed) {
                        throw new IllegalStateException("a projection handler failed in this batch: its events are "
                                + "applied again one by one");
                    }
                    batch.flush();
                } catch (RuntimeException e) {
                    failed.accept(batch.highestToken);
                    throw e;
                }
            });
            return batch;
        });
    }

    /** A projection's part of the current batch (one per key), made on first use. */
    @SuppressWarnings("unchecked")
    public static <T extends Part> T part(Object key, Supplier<T> create) {
        return (T) current(position -> { }).parts.computeIfAbsent(key, k -> create.get());
    }

    /** The store positions of the events this batch has looked up, by aggregate and sequence number. */
    Map<String, Long> positions() {
        return positions;
    }

    /** The batch reached this tracking position. */
    public void saw(long trackingPosition) {
        highestToken = Math.max(highestToken, trackingPosition);
    }

    /** Writes every part's collected rows now. */
    public void flush() {
        for (Part part : new ArrayList<>(parts.values())) {
            part.flush();
        }
    }

    /**
     * A handler failed while the batch collected its writes: what it had collected for that event may be there, so
     * the batch is not committed but applied again one by one, where the dead-letter queue parks the event alone.
     */
    public void handlerFailed() {
        handlerFailed = true;
        // at once: the batch's transaction may be aborted, so it may never reach its commit
        failed.accept(highestToken);
    }

    /** Forgets every part and what it cached: its writes were rolled back. */
    public void discard() {
        parts.clear();
    }

    /** Runs the statement once per row, as one JDBC batch. */
    public static void batchUpdate(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }
}
