package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.Varde;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * One row of a resultatrapport, mnkr as printed; children ("varav") are never summed into their parent.
 *
 * @param printed the amounts as printed ("-2 077,9"; words where the row prints no figure), keyed by the name of the
 *                amount ({@link #AMOUNTS}); with them the budgetavvikelse and förändring the row prints, kept beside
 *                the ones views compute and never used to compute; null in lines recorded before printed forms were kept
 */
public record ResultatLine(String lineId, String parentLineId, String label, BigDecimal budget, BigDecimal utfall,
                           BigDecimal utfallPreviousYear, BigDecimal prognos, Map<String, Varde> printed) {

    /** The amounts of a row, by the names {@code printed} keys them with. */
    public static final Set<String> AMOUNTS = Set.of("budget", "utfall", "utfallPreviousYear", "prognos");
    /** The printed columns that views compute: kept as printed only. */
    public static final Set<String> COMPUTED = Set.of("budgetavvikelse", "forandring");
}
