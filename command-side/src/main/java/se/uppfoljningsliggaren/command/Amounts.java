package se.uppfoljningsliggaren.command;

import se.uppfoljningsliggaren.kernel.value.Varde;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule for amounts in mnkr, wherever they are recorded (budget lines, resultatrapport rows). A cell comes as
 * printed, its number read from the print by the kernel's parser ({@code VardeParser.amount}), so the number and the
 * printed form cannot drift apart; a writer with no printed form may give the number alone, and one that gives both
 * must give the same. One decimal, as decided; a cell blank in print is absent, never zero; a cell printed in words
 * ("Belopp ännu ej fastställt", "–") is a value with no amount.
 */
public final class Amounts {

    private static final BigDecimal LIMIT = new BigDecimal("10000000");

    private Amounts() {
    }

    /** The cells of one line: the amounts (only where a figure is printed or given) and the printed forms. */
    public record Cells(Map<String, BigDecimal> amounts, Map<String, Varde> printed) {
    }

    /**
     * @param numbers      amounts given as numbers, by key (null values are blank cells)
     * @param printed      cells as printed, by key; null when the writer gave none (the result's printed is then null)
     * @param keys         the keys a cell may have (a table's columns, a row's amounts)
     * @param numbersField what a refusal names a number by: {@code numbersField + "." + key}
     * @param printedField what a refusal names a printed cell by: {@code printedField + "." + key}
     */
    public static Cells mnkr(Map<String, BigDecimal> numbers, Map<String, Varde> printed, Set<String> keys,
                             String numbersField, String printedField) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, Varde> cells = printed == null ? null : new LinkedHashMap<>();
        if (printed != null) {
            printed.forEach((key, cell) -> {
                String field = printedField + "." + key;
                known(key, keys, field);
                if (cell == null) {
                    return;
                }
                BigDecimal given = numbers == null ? null : numbers.get(key);
                String as = field + " is printed '" + cell.written() + "'";
                if (cell instanceof Varde.Numeric figure) {
                    if (figure.unit() != null && !figure.unit().equalsIgnoreCase("mnkr")) {
                        throw CommandRejectedException.invalid(field, as + ": these amounts are in mnkr, not "
                                + figure.unit());
                    }
                    if (given != null && given.compareTo(figure.number()) != 0) {
                        throw CommandRejectedException.invalid(field, as + ", which reads "
                                + figure.number().toPlainString() + ", but " + numbersField + "." + key + " is "
                                + given.toPlainString());
                    }
                    amounts.put(key, checked(figure.number(), field));
                } else if (cell instanceof Varde.NotDecided || cell instanceof Varde.Prose
                        || cell instanceof Varde.Missing) {
                    if (given != null) {
                        throw CommandRejectedException.invalid(field, as + ", which has no amount, but "
                                + numbersField + "." + key + " is " + given.toPlainString());
                    }
                } else {
                    throw CommandRejectedException.invalid(field, as + ": an amount is printed as a figure or in "
                            + "words, not as " + cell.form());
                }
                cells.put(key, cell);
            });
        }
        if (numbers != null) {
            numbers.forEach((key, amount) -> {
                String field = numbersField + "." + key;
                known(key, keys, field);
                if (amount != null && !amounts.containsKey(key)) {
                    amounts.put(key, checked(amount, field));
                }
            });
        }
        return new Cells(amounts, cells);
    }

    private static void known(String key, Set<String> keys, String field) {
        if (!keys.contains(key)) {
            throw CommandRejectedException.invalid(field, field + ": there is no " + key + " here, only "
                    + new TreeSet<>(keys));
        }
    }

    private static BigDecimal checked(BigDecimal amount, String field) {
        if (amount.stripTrailingZeros().scale() > 1) {
            throw CommandRejectedException.invalid(field, field + ": mnkr are given with one decimal, got "
                    + amount.toPlainString());
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw CommandRejectedException.invalid(field, field + ": amount out of range: " + amount.toPlainString());
        }
        return amount.setScale(1);
    }
}
