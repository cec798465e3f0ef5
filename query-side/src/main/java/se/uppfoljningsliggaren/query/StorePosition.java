package se.uppfoljningsliggaren.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store position (global_index) of an event itself. Not the tracking token's position: an event committed late
 * under a lower index arrives with a token at the highest index seen so far, so two events would share a position.
 */
public final class StorePosition {

    private StorePosition() {
    }

    public static long of(JdbcTemplate jdbc, DomainEventMessage<?> event) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, event.getAggregateIdentifier(), event.getSequenceNumber());
    }
}
