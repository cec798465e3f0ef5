package se.uppfoljningsliggaren.kernel.value;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure refers to: a month ("maj 2025"), a tertial, a delår per a date ("per 31 juli 2024"),
 * a full year ("2024") or a span of years ("tvåårsdata 2023–2024").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Period(Kind kind, int year, Integer month, Integer tertial, LocalDate asOf, Integer toYear) {

    public enum Kind { MONTH, TERTIAL, DELAR, YEAR, SPAN }

    private static final List<String> MONTHS = List.of("januari", "februari", "mars", "april", "maj", "juni", "juli",
            "augusti", "september", "oktober", "november", "december");
    private static final Pattern MONTH = Pattern.compile("(\\p{L}+) (\\d{4})");
    private static final Pattern TERTIAL = Pattern.compile("(?:tertial|t) ?([123]) (\\d{4})");
    private static final Pattern DELAR = Pattern.compile("(?:delår )?per (\\d{1,2}) (\\p{L}+) (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("(?:helår )?(\\d{4})");
    private static final Pattern SPAN = Pattern.compile("(?:tvåårsdata |treårsdata )?(\\d{4}) ?[\\u2013\\u2014-] ?(\\d{4})");

    public Period {
        if (kind == null) {
            throw new IllegalArgumentException("a period needs a kind");
        }
        if (year < 1900 || year > 2200) {
            throw new IllegalArgumentException("year " + year + " is out of range");
        }
    }

    public static Period ofYear(int year) {
        return new Period(Kind.YEAR, year, null, null, null, null);
    }

    public static Period ofMonth(YearMonth month) {
        return new Period(Kind.MONTH, month.getYear(), month.getMonthValue(), null, null, null);
    }

    /** Reads "maj 2025", "2024", "tertial 2 2025", "per 31 juli 2024", "2023–2024". */
    public static Period parse(String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException("a period must not be empty");
        }
        String text = written.strip().toLowerCase(new Locale("sv", "SE")).replaceAll("\\s+", " ");
        Matcher m;
        if ((m = YEAR.matcher(text)).matches()) {
            return ofYear(Integer.parseInt(m.group(1)));
        }
        if ((m = SPAN.matcher(text)).matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            if (to <= from) {
                throw new IllegalArgumentException("'" + written + "': a span must end after it starts");
            }
            return new Period(Kind.SPAN, from, null, null, null, to);
        }
        if ((m = TERTIAL.matcher(text)).matches()) {
            return new Period(Kind.TERTIAL, Integer.parseInt(m.group(2)), null, Integer.parseInt(m.group(1)), null, null);
        }
        if ((m = DELAR.matcher(text)).matches() && MONTHS.contains(m.group(2))) {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.indexOf(m.group(2)) + 1,
                    Integer.parseInt(m.group(1)));
            return new Period(Kind.DELAR, date.getYear(), null, null, date, null);
        }
        if ((m = MONTH.matcher(text)).matches() && MONTHS.contains(m.group(1))) {
            return ofMonth(YearMonth.of(Integer.parseInt(m.group(2)), MONTHS.indexOf(m.group(1)) + 1));
        }
        throw new IllegalArgumentException("'" + written
                + "' is not a period: write e.g. 'maj 2025', '2024', 'tertial 2 2025', 'per 31 juli 2024' or '2023–2024'");
    }

    /** The period as users write it (shown in views; ignored when read back). */
    @JsonProperty(value = "label", access = JsonProperty.Access.READ_ONLY)
    public String label() {
        return switch (kind) {
            case YEAR -> String.valueOf(year);
            case MONTH -> MONTHS.get(month - 1) + " " + year;
            case TERTIAL -> "tertial " + tertial + " " + year;
            case DELAR -> "per " + asOf.getDayOfMonth() + " " + MONTHS.get(asOf.getMonthValue() - 1) + " " + year;
            case SPAN -> year + "–" + toYear;
        };
    }

    /** The last year the period touches: the year a figure belongs to in a time series. */
    @JsonIgnore
    public int endYear() {
        return kind == Kind.SPAN ? toYear : year;
    }

    /** The last day the period covers: what "status per" a follow-up of the period means. */
    @JsonIgnore
    public LocalDate endDate() {
        return switch (kind) {
            case YEAR, SPAN -> LocalDate.of(endYear(), 12, 31);
            case MONTH -> YearMonth.of(year, month).atEndOfMonth();
            case TERTIAL -> YearMonth.of(year, tertial * 4).atEndOfMonth();
            case DELAR -> asOf;
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
