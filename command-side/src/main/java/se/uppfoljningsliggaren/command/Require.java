package se.uppfoljningsliggaren.command;

import se.uppfoljningsliggaren.kernel.value.InputPolicy;

import java.util.regex.Pattern;

/** Field checks shared by the aggregates; each failure names the field. */
public final class Require {

    private static final Pattern ID = Pattern.compile(InputPolicy.ID_PATTERN);

    private Require() {
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CommandRejectedException.invalid(field, field + " is required");
        }
        return optionalText(value, field, maxLength);
    }

    public static String optionalText(String value, String field, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw CommandRejectedException.invalid(field, field + " is longer than " + maxLength + " characters");
        }
        String checked;
        try {
            checked = InputPolicy.text(value, InputPolicy.Kind.LONG, field);
        } catch (InputPolicy.InvalidInputException e) {
            throw CommandRejectedException.invalid(field, e.getMessage());
        }
        return checked.isBlank() ? null : checked.strip();
    }

    public static String id(String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw CommandRejectedException.invalid(field,
                    field + " must be 1–80 characters of letters, digits and . _ : - (got '" + value + "')");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw CommandRejectedException.invalid(field, field + " is required");
        }
        return value;
    }

    public static int year(int year, String field) {
        if (year < 2000 || year > 2100) {
            throw CommandRejectedException.invalid(field, field + " must be a year between 2000 and 2100");
        }
        return year;
    }
}
