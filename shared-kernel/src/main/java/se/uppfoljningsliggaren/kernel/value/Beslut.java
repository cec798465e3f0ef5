package se.uppfoljningsliggaren.kernel.value;

import java.time.LocalDate;

/** The decision that authorises a plan or a change: organ, date, protocol paragraph and diarienummer. */
public record Beslut(String organ, LocalDate datum, String paragraf, String diarienummer) {

    public Beslut {
        require(organ, "organ");
        require(paragraf, "paragraf");
        require(diarienummer, "diarienummer");
        if (datum == null) {
            throw new IllegalArgumentException("a beslut needs its datum");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a beslut needs its " + field);
        }
    }

    @Override
    public String toString() {
        return organ + " " + datum + " " + paragraf + " (dnr " + diarienummer + ")";
    }
}
