package se.uppfoljningsliggaren.kernel.catalogue;

import java.util.List;

/** Regionfullmäktige gave a numbered uppdrag for a year to one or several nämnder. */
public record RfUppdragIssued(String rfUppdragId, int year, int nr, String text, List<String> givenTo,
                              String continuesFrom) {
}
