package se.uppfoljningsliggaren.kernel.followup;

import java.math.BigDecimal;

/** One row of a resultatrapport, mnkr as printed; children ("varav") are never summed into their parent. */
public record ResultatLine(String lineId, String parentLineId, String label, BigDecimal budget, BigDecimal utfall,
                           BigDecimal utfallPreviousYear, BigDecimal prognos) {
}
