package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.value.Direction;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * The ledger's suggested colour and trend, computed from utfall, målvärde and direction. Shown beside the nämnd's
 * recorded assessment, never instead of it. Rules:
 * <ul>
 * <li>number (or signed change) target: met (≥, or ≤ when the styrtal should decrease) is grön; missed by at most the tolerance (per cent
 * of the target) gul; more röd;</li>
 * <li>interval target: inside, or beyond it in the styrtal's direction, grön; outside by at most the tolerance (of
 * the nearer bound) gul; else röd;</li>
 * <li>threshold (">0"): met grön, else röd; rank target: at or above the place grön, one place below gul, else röd;</li>
 * <li>targets relative to a benchmark, directional or prose ones have no number to compare: no suggestion, and the
 * rule says why.</li>
 * </ul>
 */
public final class Suggestion {

    private Suggestion() {
    }

    /** A suggested colour, or none ({@code colour} null) with the reason in {@code rule}. */
    public record Suggested(Colour colour, String rule) {
    }

    public static Suggested colour(Varde utfall, Varde target, Direction direction, BigDecimal tolerancePercent) {
        if (utfall == null || target == null) {
            return new Suggested(null, "utfall or målvärde missing");
        }
        boolean lowerIsBetter = direction == Direction.MINSKA;
        if (utfall instanceof Varde.Rank u && target instanceof Varde.Rank t) {
            int behind = u.position() - t.position();
            return new Suggested(behind <= 0 ? Colour.GRON : behind == 1 ? Colour.GUL : Colour.ROD,
                    "rank: place " + u.position() + " against " + t.position());
        }
        BigDecimal value = number(utfall);
        if (value == null) {
            return new Suggested(null, "utfall " + utfall.form() + " has no number to compare");
        }
        if (target instanceof Varde.Numeric || target instanceof Varde.Change) {
            BigDecimal goal = number(target);
            boolean met = lowerIsBetter ? value.compareTo(goal) <= 0 : value.compareTo(goal) >= 0;
            return new Suggested(met ? Colour.GRON : within(value, goal, tolerancePercent) ? Colour.GUL : Colour.ROD,
                    "number: " + value.toPlainString() + " against " + goal.toPlainString()
                            + (lowerIsBetter ? " (lower is better)" : ""));
        }
        if (target instanceof Varde.Interval t) {
            BigDecimal low = t.from().min(t.to());
            BigDecimal high = t.from().max(t.to());
            if (value.compareTo(low) >= 0 && value.compareTo(high) <= 0) {
                return new Suggested(Colour.GRON, "interval: inside " + t.written());
            }
            boolean beyondInGoodDirection = direction == Direction.MINSKA ? value.compareTo(low) < 0
                    : direction == Direction.OKA && value.compareTo(high) > 0;
            if (beyondInGoodDirection) {
                return new Suggested(Colour.GRON, "interval: beyond " + t.written() + " in the styrtal's direction");
            }
            BigDecimal nearer = value.compareTo(low) < 0 ? low : high;
            return new Suggested(within(value, nearer, tolerancePercent) ? Colour.GUL : Colour.ROD,
                    "interval: outside " + t.written());
        }
        if (target instanceof Varde.Threshold t) {
            int c = value.compareTo(t.number());
            boolean met = switch (t.comparator()) {
                case GREATER_THAN -> c > 0;
                case AT_LEAST -> c >= 0;
                case LESS_THAN -> c < 0;
                case AT_MOST -> c <= 0;
            };
            return new Suggested(met ? Colour.GRON : Colour.ROD, "threshold " + t.written());
        }
        return new Suggested(null, "målvärde " + target.form() + " has no number to compare against");
    }

    /** The trend from one value to the next, by the styrtal's direction (higher is better unless it should decrease). */
    public static Trend trend(Varde previous, Varde current, Direction direction) {
        BigDecimal before = number(previous);
        BigDecimal now = number(current);
        if (before == null || now == null) {
            return null;
        }
        int c = now.compareTo(before);
        if (previous instanceof Varde.Rank || direction == Direction.MINSKA) {
            c = -c;
        }
        return c > 0 ? Trend.FORBATTRAD : c < 0 ? Trend.FORSAMRAD : Trend.OFORANDRAD;
    }

    /** A goal's suggestion from its indikatorer: all grön is grön; more röd than grön is röd; otherwise gul. */
    public static Colour goal(List<Colour> indikatorer) {
        List<Colour> known = indikatorer.stream().filter(c -> c != null && c != Colour.NOT_ASSESSED).toList();
        if (known.isEmpty()) {
            return null;
        }
        long gron = known.stream().filter(c -> c == Colour.GRON).count();
        long rod = known.stream().filter(c -> c == Colour.ROD).count();
        return gron == known.size() ? Colour.GRON : rod > gron ? Colour.ROD : Colour.GUL;
    }

    private static boolean within(BigDecimal value, BigDecimal target, BigDecimal tolerancePercent) {
        if (target.signum() == 0) {
            return false;
        }
        BigDecimal gap = value.subtract(target).abs().multiply(BigDecimal.valueOf(100))
                .divide(target.abs(), MathContext.DECIMAL64);
        return gap.compareTo(tolerancePercent) <= 0;
    }

    private static BigDecimal number(Varde value) {
        if (value instanceof Varde.Numeric n) {
            return n.number();
        }
        if (value instanceof Varde.Change c) {
            return c.change();
        }
        if (value instanceof Varde.Rank r) {
            return BigDecimal.valueOf(r.position());
        }
        return null;
    }
}
