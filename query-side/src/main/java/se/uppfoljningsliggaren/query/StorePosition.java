package se.uppfoljningsliggaren.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The store position (global_index) of an event itself. Not the tracking token's position: an event committed late
 * under a lower index arrives with a token at the highest index seen so far, so two events would share a position.
 * The token is where to look first, though: it is the event's own position unless the event filled a gap. So in a
 * batch the positions of a window of the store from the token are read at once, and an event not in it (a gap
 * filler) is looked up on its own. A batch may also bring the positions of its events along, read once for several
 * processors (see {@link #GIVEN}).
 */
public final class StorePosition {

    private static final int WINDOW = 2000;
    /** A unit of work's resource: positions by {@link #key}, read before the batch for every processor applying it. */
    public static final String GIVEN = StorePosition.class.getName() + ".given";

    private StorePosition() {
    }

    public static long of(JdbcTemplate jdbc, DomainEventMessage<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            return lookUp(jdbc, event);
        }
        String key = key(event.getAggregateIdentifier(), event.getSequenceNumber());
        Map<String, Long> given = CurrentUnitOfWork.get().root().getResource(GIVEN);
        if (given != null && given.containsKey(key)) {
            return given.get(key);
        }
        Map<String, Long> known = ProjectionBatch.current(position -> { }).positions();
        Long position = known.get(key);
        OptionalLong token = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position() : OptionalLong.empty();
        if (position == null && token.isPresent()) {
            known.putAll(window(jdbc, token.getAsLong(), token.getAsLong() + WINDOW));
            position = known.get(key);
        }
        if (position == null) {
            position = lookUp(jdbc, event);
            known.put(key, position);
        }
        return position;
    }

    /** The positions of the events stored from {@code from} up to {@code to} (exclusive), by {@link #key}. */
    public static Map<String, Long> window(JdbcTemplate jdbc, long from, long to) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("SELECT aggregate_identifier, sequence_number, global_index FROM domain_event_entry "
                + "WHERE global_index >= ? AND global_index < ?", rs -> {
            positions.put(key(rs.getString(1), rs.getLong(2)), rs.getLong(3));
        }, from, to);
        return positions;
    }

    private static long lookUp(JdbcTemplate jdbc, DomainEventMessage<?> event) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, event.getAggregateIdentifier(), event.getSequenceNumber());
    }

    public static String key(String aggregate, long sequence) {
        return aggregate + '\u0000' + sequence;
    }
}
