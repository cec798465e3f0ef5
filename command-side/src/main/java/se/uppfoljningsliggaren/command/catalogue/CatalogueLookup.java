package se.uppfoljningsliggaren.command.catalogue;

import java.util.Optional;

/**
 * Consistent reads of reference data for command handlers, from the event-sourced catalogue aggregates (never from
 * the eventually consistent read side).
 */
public interface CatalogueLookup {

    boolean namndExists(String code);

    boolean indikatorExists(String indikatorId);

    Optional<RfUppdrag.RfUppdragLookup> rfUppdrag(String rfUppdragId);
}
