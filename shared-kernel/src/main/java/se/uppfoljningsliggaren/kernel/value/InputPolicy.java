package se.uppfoljningsliggaren.kernel.value;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule for every value the ledger accepts, whatever carries it (a JSON field, a path id, a query parameter,
 * a header): text, figures, dates and instants. The HTTP boundary applies it to every input; value types use it
 * for the figures they read.
 *
 * <p>Text: valid Unicode (no lone surrogate), normalised to NFC (so "å" is one code point
 * however a client composed it), free of NUL and every other C0/C1 control character — except newline and tab in
 * long free text — and within the maximum length of its kind. Ids match {@link #ID_PATTERN}.
 *
 * <p>PostgreSQL's text and jsonb cannot hold NUL, and a lone surrogate is not Unicode: letting either into an event
 * would store a fact no view can show, so they are refused before anything is stored.
 */
public final class InputPolicy {

    /** Ids chosen by clients (plan, goal, styrtal, indikator, nämnd code …): short, URL-safe, no spaces. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,79}";
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    /** A person's stable id (a token's subject: a GUID, a user name, an e-mail address): {@link #PRINCIPAL_PATTERN}. */
    public static final String PRINCIPAL_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N}._@+:-]{0,127}";
    private static final Pattern PRINCIPAL = Pattern.compile(PRINCIPAL_PATTERN);

    /** The kinds of text, each with its maximum length in characters. */
    public enum Kind {
        /** An id or code: {@link #ID_PATTERN}. */
        ID(80),
        /** A person's id: {@link #PRINCIPAL_PATTERN}. */
        PRINCIPAL(128),
        /** A name, title, label, organ, paragraf, diarienummer, unit, numbering, a period or a value: one line. */
        SHORT(1_000),
        /** Free text (text, description, comment, motivation, reason, a written value): newline and tab allowed. */
        LONG(8_000);

        public final int maxLength;

        Kind(int maxLength) {
            this.maxLength = maxLength;
        }
    }

    private static final Set<String> LONG_FIELDS = Set.of("text", "description", "comment", "kommentar",
            "motivation", "reason", "written", "X-Reason");
    private static final Set<String> ID_FIELDS = Set.of("namnd", "code", "namndCode", "continuesFrom");
    private static final Set<String> PRINCIPAL_FIELDS = Set.of("subject", "who", "principal");

    private InputPolicy() {
    }

    /**
     * Which kind of text a field holds, by its name: names ending in "Id" (and nämnd codes) are ids; "subject",
     * "who" and "principal" a person's id; the free-text names above are long text; every other field is short
     * text. One rule, so a new field cannot be forgotten.
     */
    public static Kind kindOf(String fieldName) {
        if (fieldName == null) {
            return Kind.SHORT;
        }
        if (fieldName.endsWith("Id") || fieldName.endsWith("Ids") || ID_FIELDS.contains(fieldName)) {
            return Kind.ID;
        }
        if (PRINCIPAL_FIELDS.contains(fieldName)) {
            return Kind.PRINCIPAL;
        }
        return LONG_FIELDS.contains(fieldName) ? Kind.LONG : Kind.SHORT;
    }

    /** The text as the ledger keeps it (NFC), or a refusal naming the field and what is wrong. */
    public static String text(String value, String field) {
        return text(value, kindOf(field), field);
    }

    public static String text(String value, Kind kind, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, "is not valid Unicode (a lone surrogate at position " + i + ")");
            } else if (Character.isISOControl(c) && !(kind == Kind.LONG && (c == '\n' || c == '\t'))) {
                throw new InvalidInputException(field, "contains the control character U+%04X at position %d%s"
                        .formatted((int) c, i, kind == Kind.LONG ? "" : " (only free text may hold newline and tab)"));
            }
        }
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFC);
        if (normalised.length() > kind.maxLength) {
            throw new InvalidInputException(field, "is longer than " + kind.maxLength + " characters");
        }
        if (kind == Kind.ID && !ID.matcher(normalised).matches()) {
            throw new InvalidInputException(field, "must be 1–80 characters of letters A–Z, digits and . _ : - "
                    + "starting with a letter or digit");
        }
        if (kind == Kind.PRINCIPAL && !PRINCIPAL.matcher(normalised).matches()) {
            throw new InvalidInputException(field, "must be 1–128 characters of letters, digits and . _ @ + : - "
                    + "starting with a letter or digit (a person's id)");
        }
        return normalised;
    }

    /** Figures (amounts in mnkr, percentages, counts): at most 15 digits before the decimal point and 6 after. */
    public static final int MAX_INTEGER_DIGITS = 15;
    public static final int MAX_DECIMALS = 6;

    public static BigDecimal figure(BigDecimal value, String field) {
        if (value != null && (value.precision() - value.scale() > MAX_INTEGER_DIGITS || value.scale() > MAX_DECIMALS)) {
            throw new InvalidInputException(field, "is out of range: a figure has at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_DECIMALS + " after");
        }
        return value;
    }

    /** Dates and instants (beslut dates, status dates, asOf): within the years {@value #MIN_YEAR}–{@value #MAX_YEAR}. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;

    public static LocalDate date(LocalDate value, String field) {
        if (value != null && (value.getYear() < MIN_YEAR || value.getYear() > MAX_YEAR)) {
            throw new InvalidInputException(field, "is out of range: a date lies within " + MIN_YEAR + "–" + MAX_YEAR);
        }
        return value;
    }

    public static Instant instant(Instant value, String field) {
        if (value != null) {
            date(LocalDate.ofInstant(value, ZoneOffset.UTC), field);
        }
        return value;
    }

    /** A year (planning year, follow-up year, query parameter): within {@value #MIN_YEAR}–{@value #MAX_YEAR}. */
    public static int year(int value, String field) {
        if (value < MIN_YEAR || value > MAX_YEAR) {
            throw new InvalidInputException(field, "is out of range: a year lies within " + MIN_YEAR + "–" + MAX_YEAR);
        }
        return value;
    }

    /** Input that breaks the policy; names the field. An IllegalArgumentException, so every layer refuses it. */
    public static final class InvalidInputException extends IllegalArgumentException {
        private final String field;
        private final String problem;

        public InvalidInputException(String field, String problem) {
            super((field == null ? "text" : field) + " " + problem);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        /** What is wrong, without the field's name: for a caller that names the field itself. */
        public String problem() {
            return problem;
        }
    }
}
