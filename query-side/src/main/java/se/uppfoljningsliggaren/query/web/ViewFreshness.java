package se.uppfoljningsliggaren.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import se.uppfoljningsliggaren.query.ProjectionNotifier;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * How current a view is, and read-your-writes without waiting for ever. A write answers the aggregate's version and
 * the store position it produced; a read may ask for at least that version ({@code minVersion}). A version that was
 * never written is refused at once (404 for an unknown aggregate, 409 for a version beyond its last one); one that
 * was written is waited for, on the projections' commits, for at most {@link #MAX_WAIT}, then refused with 409
 * naming the version the view has. Every read answers {@value #POSITION_HEADER}: the store position it reflects.
 */
@Component
public class ViewFreshness {

    public static final Duration MAX_WAIT = Duration.ofSeconds(2);
    public static final String POSITION_HEADER = "X-Ledger-Position";

    /** The views that follow one aggregate and record its version; table and column names are fixed here. */
    enum VersionedView {
        PLAN("plan_view", "plan_id", "planId"),
        FOLLOW_UP("followup_view", "occasion_id", "occasionId"),
        IK_PLAN("ik_plan_view", "ik_plan_id", "ikPlanId"),
        ISK("isk_view", "isk_id", "iskId");

        final String table;
        final String key;
        final String field;

        VersionedView(String table, String key, String field) {
            this.table = table;
            this.key = key;
            this.field = field;
        }
    }

    private final JdbcTemplate jdbc;
    private final ProjectionNotifier notifier;
    private final EventProcessingConfiguration processing;

    ViewFreshness(JdbcTemplate jdbc, ProjectionNotifier notifier, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.notifier = notifier;
        this.processing = processing;
    }

    /** Returns once the view of the aggregate includes minVersion, or refuses; never waits beyond MAX_WAIT. */
    void awaitVersion(VersionedView view, String id, long minVersion) {
        if (minVersion < 0) {
            throw problem(HttpStatus.BAD_REQUEST, "minVersion", "a version is 0 or more");
        }
        Long stored = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        if (stored == null) {
            throw notFound(view.field, "nothing is recorded under " + id);
        }
        if (stored < minVersion) {
            throw problem(HttpStatus.CONFLICT, "minVersion", id + " is at version " + stored + "; version "
                    + minVersion + " was never written");
        }
        boolean reached;
        try {
            reached = notifier.awaitUntil(() -> version(view, id) >= minVersion, MAX_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reached = false;
        }
        if (!reached) {
            ErrorResponseException behind = problem(HttpStatus.CONFLICT, "minVersion", "the view of " + id
                    + " shows version " + version(view, id) + " and has not reached version " + minVersion
                    + " within " + MAX_WAIT.toSeconds() + " s; retry shortly");
            behind.getBody().setProperty("currentVersion", version(view, id));
            behind.getHeaders().set("Retry-After", "1");
            throw behind;
        }
    }

    /** The store position of the last event the aggregate's view reflects, if it has one. */
    OptionalLong position(VersionedView view, String id) {
        List<Long> position = jdbc.queryForList("SELECT last_global_index FROM " + view.table + " WHERE " + view.key
                + " = ?", Long.class, id);
        return position.isEmpty() ? OptionalLong.empty() : OptionalLong.of(position.get(0));
    }

    /**
     * The store position up to which every view of this process is complete: the lowest position any segment of any
     * projection has reached. Views that follow one aggregate answer their own, more exact, position instead.
     */
    OptionalLong readSidePosition() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .flatMap(p -> ((StreamingEventProcessor) p).processingStatus().values().stream())
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0L))
                .min();
    }

    /** The version the aggregate's view shows now, or -1 when it has none yet. */
    long version(VersionedView view, String id) {
        List<Long> version = jdbc.queryForList("SELECT version FROM " + view.table + " WHERE " + view.key + " = ?",
                Long.class, id);
        return version.isEmpty() ? -1 : version.get(0);
    }

    /**
     * A live view's answer with its version as ETag, for If-Match (a view as of an instant, or of a version never
     * recorded, answers none).
     */
    static ResponseEntity.BodyBuilder ok(long version, java.time.Instant asOf) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (asOf == null && version >= 0) {
            answer.eTag(String.valueOf(version));
        }
        return answer;
    }

    public static ErrorResponseException notFound(String field, String reason) {
        return problem(HttpStatus.NOT_FOUND, field, reason);
    }

    public static ErrorResponseException problem(HttpStatus status, String field, String reason) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, reason);
        body.setProperty("field", field);
        body.setProperty("reason", reason);
        return new ErrorResponseException(status, body, null);
    }
}
