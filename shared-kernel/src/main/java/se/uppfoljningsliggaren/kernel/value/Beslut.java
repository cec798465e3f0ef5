package se.uppfoljningsliggaren.kernel.value;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The decision that authorises a plan or a change: organ, date, protocol paragraph and diarienummer. A source that
 * does not print the date, the § or the diarienummer leaves it unknown: the field is then null and named in
 * {@code notGivenInSource}, so no view shows an invented date as a decision's. (Events stored before this field
 * carry all three and read with an empty list.)
 */
public record Beslut(String organ, LocalDate datum, String paragraf, String diarienummer,
                     List<Field> notGivenInSource) {

    /** A part of a beslut that its source may leave out. */
    public enum Field { DATUM, PARAGRAF, DIARIENUMMER }

    public Beslut {
        if (organ == null || organ.isBlank()) {
            throw new IllegalArgumentException("a beslut needs its organ");
        }
        notGivenInSource = notGivenInSource == null ? List.of()
                : List.copyOf(notGivenInSource.isEmpty() ? Set.of() : EnumSet.copyOf(notGivenInSource));
        paragraf = paragraf == null || paragraf.isBlank() ? null : paragraf;
        diarienummer = diarienummer == null || diarienummer.isBlank() ? null : diarienummer;
        given(datum, Field.DATUM, "datum", notGivenInSource);
        given(paragraf, Field.PARAGRAF, "paragraf", notGivenInSource);
        given(diarienummer, Field.DIARIENUMMER, "diarienummer", notGivenInSource);
    }

    public Beslut(String organ, LocalDate datum, String paragraf, String diarienummer) {
        this(organ, datum, paragraf, diarienummer, List.of());
    }

    /** Either given, or declared not given in the source: never both, never neither. */
    private static void given(Object value, Field field, String name, List<Field> notGiven) {
        if (value == null && !notGiven.contains(field)) {
            throw new IllegalArgumentException("a beslut needs its " + name
                    + " (or notGivenInSource naming " + field + " where the source does not print it)");
        }
        if (value != null && notGiven.contains(field)) {
            throw new IllegalArgumentException("a beslut's " + name + " is given, yet notGivenInSource names it");
        }
    }

    /** Whether one beslut is known to be decided before another: unknown when either date is not given. */
    public boolean knownBefore(Beslut other) {
        return datum != null && other.datum != null && datum.isBefore(other.datum);
    }

    @Override
    public String toString() {
        return organ + " " + (datum == null ? "(datum ej angivet i källan)" : datum) + " "
                + (paragraf == null ? "(§ ej angiven i källan)" : paragraf)
                + " (dnr " + (diarienummer == null ? "ej angivet i källan" : diarienummer) + ")";
    }
}
