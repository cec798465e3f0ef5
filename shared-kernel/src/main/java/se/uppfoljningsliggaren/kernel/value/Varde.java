package se.uppfoljningsliggaren.kernel.value;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value or target as the users wrote it ({@link #written()}, kept verbatim and shown back as is)
 * together with the structured figure that later computations use. A form with no number to compute
 * with (prose, not decided, missing) is still a typed value, never squeezed into a numeric one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "form")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Varde.Numeric.class, name = "NUMBER"),
        @JsonSubTypes.Type(value = Varde.Rank.class, name = "RANK"),
        @JsonSubTypes.Type(value = Varde.Interval.class, name = "INTERVAL"),
        @JsonSubTypes.Type(value = Varde.Relative.class, name = "RELATIVE"),
        @JsonSubTypes.Type(value = Varde.Directional.class, name = "DIRECTION"),
        @JsonSubTypes.Type(value = Varde.Threshold.class, name = "THRESHOLD"),
        @JsonSubTypes.Type(value = Varde.Change.class, name = "CHANGE"),
        @JsonSubTypes.Type(value = Varde.BaselineChange.class, name = "BASELINE_CHANGE"),
        @JsonSubTypes.Type(value = Varde.NotDecided.class, name = "NOT_DECIDED"),
        @JsonSubTypes.Type(value = Varde.Missing.class, name = "MISSING"),
        @JsonSubTypes.Type(value = Varde.Prose.class, name = "PROSE")
})
public sealed interface Varde {

    String written();

    @JsonProperty("form")
    VardeForm form();

    /** "82 %", "27 483 st", "8 748 ton", "83,5 mnkr", "3,7"; optionally last year's value beside it: "76 % (69 %)". */
    record Numeric(String written, BigDecimal number, String unit, BigDecimal previous) implements Varde {
        public Numeric {
            Objects.requireNonNull(number, "number");
        }

        public VardeForm form() {
            return VardeForm.NUMBER;
        }
    }

    /** "Plats 6 av 7", "10 av 21", "Topp 3 av 7". */
    record Rank(String written, int position, int of, boolean top) implements Varde {
        public Rank {
            if (position < 1 || of < 1 || position > of) {
                throw new InvalidVardeException(written, "a rank needs 1 ≤ position ≤ total");
            }
        }

        public VardeForm form() {
            return VardeForm.RANK;
        }
    }

    /** "77–80", "90–100 %", "6,3–6,1 %" (bounds in the order written: a falling interval is a falling target). */
    record Interval(String written, BigDecimal from, BigDecimal to, String unit) implements Varde {
        public VardeForm form() {
            return VardeForm.INTERVAL;
        }
    }

    /** "Riket + 1 %"; with its resolved value when printed: "62 % (riket+ 1 %)". */
    record Relative(String written, String benchmark, BigDecimal offset, String unit, BigDecimal resolved)
            implements Varde {
        public VardeForm form() {
            return VardeForm.RELATIVE;
        }
    }

    /** "Öka", "Minska", "Bibehålla". */
    record Directional(String written, Direction direction) implements Varde {
        public VardeForm form() {
            return VardeForm.DIRECTION;
        }
    }

    /** ">0", ">78", "≥ 90 %". */
    record Threshold(String written, Comparator comparator, BigDecimal number, String unit) implements Varde {
        public VardeForm form() {
            return VardeForm.THRESHOLD;
        }
    }

    /** A signed change: "+1,4 %", "-15 %", "Ökning 5%". */
    record Change(String written, BigDecimal change, String unit) implements Varde {
        public VardeForm form() {
            return VardeForm.CHANGE;
        }
    }

    /** "öka med 33 procent jämfört med 2016", "60 procent till år 2030 jämfört med 2005". */
    record BaselineChange(String written, Direction direction, BigDecimal amount, String unit, int baselineYear,
                          Integer targetYear) implements Varde {
        public VardeForm form() {
            return VardeForm.BASELINE_CHANGE;
        }
    }

    /** "Beslutas i samband med revidering av Program för hållbar utveckling". */
    record NotDecided(String written) implements Varde {
        public VardeForm form() {
            return VardeForm.NOT_DECIDED;
        }
    }

    /** A value that is missing, with the recorded reason: a fact, not a null. */
    record Missing(String written, MissingKind kind, String reason) implements Varde {
        public Missing {
            Objects.requireNonNull(kind, "kind");
            if (reason == null || reason.isBlank()) {
                throw new InvalidVardeException(written, "a missing value needs its reason");
            }
        }

        public VardeForm form() {
            return VardeForm.MISSING;
        }
    }

    /** Kept verbatim, typed by what it is: "Helt", "högre än i jämförbara län (…)", "Fördelning per kön ska redovisas". */
    record Prose(String written, ProseKind kind) implements Varde {
        public VardeForm form() {
            return VardeForm.PROSE;
        }
    }

    enum Comparator { GREATER_THAN, AT_LEAST, LESS_THAN, AT_MOST }

    enum MissingKind {
        /** The underlying data is not available or not quality-assured ("underlaget … ännu inte är kvalitetssäkrat"). */
        DATA_UNAVAILABLE,
        /** Not measured for this scope ("men inte för regionkansliet"). */
        NOT_FOR_SCOPE,
        /** Not yet published ("Statistik avseende 2023 beräknas finnas i juni/juli 2025"). */
        NOT_YET_PUBLISHED,
        OTHER
    }

    enum ProseKind { QUALITATIVE, PEER_COMPARISON, REPORTING_DUTY, HORIZON, OTHER }
}
