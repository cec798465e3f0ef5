package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A budget line was added, amounts in mnkr as decided and printed (never recomputed).
 *
 * @param printed per column the cell as printed ("-2 314,7"; "Belopp ännu ej fastställt", which has no amount), the
 *                amount read from it; null in events recorded before printed forms were kept (and in writes that gave
 *                only numbers), so no view shows a printed form that was never given
 */
public record BudgetLineAdded(String planId, String lineId, String tableId, String parentLineId, String label, int position, Map<String, BigDecimal> amounts, Map<String, Varde> printed, Beslut revisionBeslut) implements PlanEvent {
}
