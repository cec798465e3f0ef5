package se.uppfoljningsliggaren.kernel.value;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads values written the Swedish way (decimal comma, space as thousands separator, en dash in
 * intervals) into typed {@link Varde}s. The written text is kept exactly as given, only trimmed.
 */
public final class VardeParser {

    private static final String NUM = "\\d{1,3}(?:[ \\u00A0\\u202F\\u2009]\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?";
    private static final String SIGN = "[+\\-\\u2212]";
    /** "%", "st", "ton", "miljoner ton", "mnkr", "KVA-koder": up to three words of letters (and / . -). */
    private static final String UNIT = "%|[\\p{L}][\\p{L}/.-]*(?: [\\p{L}][\\p{L}/.-]*){0,2}";
    private static final String DASH = "\\s*[\\u2013\\u2014-]\\s*";

    private static final Pattern NUMERIC = Pattern.compile(
            "(" + SIGN + "?)(" + NUM + ")\\s*(" + UNIT + ")?(?:\\s*\\((" + NUM + ")\\s*(?:" + UNIT + ")?\\))?");
    private static final Pattern RANK = Pattern.compile("(?i)(plats|topp)?\\s*(\\d{1,6})\\s+av\\s+(\\d{1,6})");
    private static final Pattern INTERVAL = Pattern.compile(
            "(" + NUM + ")\\s*(" + UNIT + ")?" + DASH + "(" + NUM + ")\\s*(" + UNIT + ")?");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?:(" + NUM + ")\\s*(?:" + UNIT + ")?\\s*\\()?(\\p{L}[\\p{L} ]*?)\\s*(" + SIGN + ")\\s*(" + NUM + ")\\s*(" + UNIT
                    + ")?\\)?");
    private static final Pattern THRESHOLD = Pattern.compile("(>=|<=|≥|≤|>|<)\\s*(" + SIGN + "?" + "(?:" + NUM + "))\\s*("
            + UNIT + ")?");
    private static final Pattern CHANGE = Pattern.compile("(" + SIGN + ")(" + NUM + ")\\s*(" + UNIT + ")?");
    private static final Pattern WORD_CHANGE = Pattern.compile("(?iu)(ökning|minskning)\\s*(?:med\\s*)?(" + NUM + ")\\s*("
            + UNIT + ")?");
    private static final Pattern BASELINE = Pattern.compile("(?iu)(?:(öka|minska)\\s+med\\s+)?(" + NUM
            + ")\\s*(procent|%)(?:\\s+till år (\\d{4}))?\\s+jämfört med (?:år )?(\\d{4})");
    private static final Pattern NOT_DECIDED = Pattern.compile("(?i)beslutas\\b.*");
    /** An amount as a budget or a table prints it: a minus may be a hyphen, U+2212 or an en dash (typeset tables). */
    private static final Pattern AMOUNT = Pattern.compile(
            "([+\\-\\u2212\\u2013]?) ?(" + NUM + ")(?: ?((?i:kr|tkr|mnkr|mdkr|%|procent)))?");

    private VardeParser() {
    }

    /** Reads a written value of any computable form; fails when it is none of them. */
    public static Varde parse(String written) {
        String text = normalise(written);
        return tryParse(text).orElseThrow(() -> new InvalidVardeException(text,
                "not a number, rank, interval, relative, direction, threshold or change target; "
                        + "give an explicit form (PROSE, NOT_DECIDED, MISSING) for a value without a figure"));
    }

    /**
     * Reads a written value as the form it is declared to be. Verbatim forms keep the text; a parsed form
     * must read as that form, or the value is refused rather than stored as something it is not.
     */
    public static Varde parse(VardeForm form, String written, Varde.MissingKind missingKind, String reason,
                              Varde.ProseKind proseKind) {
        if (form == null) {
            return parse(written);
        }
        String text = normalise(written);
        return switch (form) {
            case PROSE -> new Varde.Prose(text, proseKind == null ? Varde.ProseKind.OTHER : proseKind);
            case NOT_DECIDED -> new Varde.NotDecided(text);
            case MISSING -> new Varde.Missing(text, missingKind == null ? Varde.MissingKind.OTHER : missingKind,
                    reason == null || reason.isBlank() ? text : reason);
            default -> {
                Varde parsed = tryParse(text).orElseThrow(() -> new InvalidVardeException(text, "not a " + form));
                if (parsed.form() != form) {
                    throw new InvalidVardeException(text, "reads as " + parsed.form() + ", not " + form);
                }
                yield parsed;
            }
        };
    }

    /**
     * Reads an amount as printed in a budget line, a resultatrapport or a table of figures: "-2 314,7", "–0,5",
     * "4 340 000 kr", "83,5 mnkr", "4,9 %". Here a signed figure is an amount, never a change target. The unit is
     * kept as printed (null when the table's heading gives it); the number is not converted between units.
     */
    public static Varde.Numeric amount(String written) {
        String text = normalise(written);
        Matcher m = AMOUNT.matcher(text);
        if (!m.matches()) {
            throw new InvalidVardeException(text, "not an amount (a figure such as \"-2 314,7\" or \"4 340 000 kr\"); "
                    + "give an explicit form (NOT_DECIDED, PROSE, MISSING) for a cell printed in words or as a dash");
        }
        String sign = m.group(1).isEmpty() || m.group(1).equals("+") ? "+" : "-";
        return new Varde.Numeric(text, signed(sign, m.group(2)), m.group(3), null);
    }

    /**
     * An amount as printed, or a cell with no number in its declared verbatim form: "Belopp ännu ej fastställt"
     * (NOT_DECIDED), "–" (PROSE). A form that would compute something else (a change, an interval) is no amount.
     */
    public static Varde amount(VardeForm form, String written, Varde.MissingKind missingKind, String reason,
                               Varde.ProseKind proseKind) {
        if (form == null || form == VardeForm.NUMBER) {
            return amount(written);
        }
        if (form.isParsed()) {
            throw new InvalidVardeException(String.valueOf(written), "an amount is a NUMBER, or a value with no number "
                    + "(NOT_DECIDED, PROSE, MISSING), not " + form);
        }
        return parse(form, written, missingKind, reason, proseKind);
    }

    private static String normalise(String written) {
        if (written == null || written.isBlank()) {
            throw new InvalidVardeException(String.valueOf(written), "a value must not be empty");
        }
        if (written.length() > 500) {
            throw new InvalidVardeException(written.substring(0, 40) + "…", "a value is at most 500 characters");
        }
        return written.strip().replaceAll("\\s+", " ");
    }

    /**
     * Reads the written value as it was printed; a no-break or thin space (before "%", between thousands) is how
     * Swedish print sets a space, so the patterns read it as one while the value keeps what was written.
     */
    private static Optional<Varde> tryParse(String written) {
        String text = written.replaceAll("[\\u00A0\\u2007\\u2009\\u202F]", " ");
        Matcher m;
        if ((m = RANK.matcher(text)).matches()) {
            return Optional.of(new Varde.Rank(written, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    "topp".equalsIgnoreCase(m.group(1))));
        }
        if ((m = CHANGE.matcher(text)).matches()) {
            return Optional.of(new Varde.Change(written, signed(m.group(1), m.group(2)), m.group(3)));
        }
        if ((m = WORD_CHANGE.matcher(text)).matches()) {
            String sign = m.group(1).toLowerCase(Locale.ROOT).startsWith("m") ? "-" : "+";
            return Optional.of(new Varde.Change(written, signed(sign, m.group(2)), m.group(3)));
        }
        if ((m = NUMERIC.matcher(text)).matches()) {
            BigDecimal previous = m.group(4) == null ? null : number(m.group(4));
            return Optional.of(new Varde.Numeric(written, signed(m.group(1), m.group(2)), m.group(3), previous));
        }
        if ((m = INTERVAL.matcher(text)).matches()) {
            String unit = m.group(4) != null ? m.group(4) : m.group(2);
            return Optional.of(new Varde.Interval(written, number(m.group(1)), number(m.group(3)), unit));
        }
        if ((m = THRESHOLD.matcher(text)).matches()) {
            Varde.Comparator comparator = switch (m.group(1)) {
                case ">" -> Varde.Comparator.GREATER_THAN;
                case ">=", "≥" -> Varde.Comparator.AT_LEAST;
                case "<" -> Varde.Comparator.LESS_THAN;
                default -> Varde.Comparator.AT_MOST;
            };
            String n = m.group(2);
            BigDecimal value = Character.isDigit(n.charAt(0)) ? number(n) : signed(n.substring(0, 1), n.substring(1));
            return Optional.of(new Varde.Threshold(written, comparator, value, m.group(3)));
        }
        Optional<Direction> direction = direction(text);
        if (direction.isPresent()) {
            return Optional.of(new Varde.Directional(written, direction.get()));
        }
        if ((m = BASELINE.matcher(text)).matches()) {
            Direction dir = m.group(1) == null ? null : direction(m.group(1)).orElse(null);
            Integer target = m.group(4) == null ? null : Integer.valueOf(m.group(4));
            return Optional.of(new Varde.BaselineChange(written, dir, number(m.group(2)), "%",
                    Integer.parseInt(m.group(5)), target));
        }
        if ((m = RELATIVE.matcher(text)).matches() && !m.group(2).isBlank()) {
            BigDecimal resolved = m.group(1) == null ? null : number(m.group(1));
            return Optional.of(new Varde.Relative(written, capitalise(m.group(2).strip()), signed(m.group(3), m.group(4)),
                    m.group(5), resolved));
        }
        if (NOT_DECIDED.matcher(text).matches()) {
            return Optional.of(new Varde.NotDecided(written));
        }
        return Optional.empty();
    }

    private static Optional<Direction> direction(String text) {
        return switch (text.toLowerCase(new Locale("sv", "SE"))) {
            case "öka", "ska öka", "ökning" -> Optional.of(Direction.OKA);
            case "minska", "ska minska", "minskning" -> Optional.of(Direction.MINSKA);
            case "bibehålla", "bibehålls", "oförändrat" -> Optional.of(Direction.BIBEHALLA);
            default -> Optional.empty();
        };
    }

    /** Reads a Swedish-written number: "8 748", "95,5", "1,174". */
    public static BigDecimal number(String written) {
        BigDecimal n = new BigDecimal(written.replaceAll("[ \\u00A0\\u202F\\u2009]", "").replace(',', '.'));
        if (n.precision() - n.scale() > InputPolicy.MAX_INTEGER_DIGITS || n.scale() > InputPolicy.MAX_DECIMALS) {
            throw new InvalidVardeException(written, "a figure has at most " + InputPolicy.MAX_INTEGER_DIGITS
                    + " digits before the decimal comma and " + InputPolicy.MAX_DECIMALS + " after");
        }
        return n;
    }

    private static BigDecimal signed(String sign, String digits) {
        BigDecimal n = number(digits);
        return sign != null && (sign.equals("-") || sign.equals("\u2212")) ? n.negate() : n;
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(new Locale("sv", "SE")) + s.substring(1);
    }
}
