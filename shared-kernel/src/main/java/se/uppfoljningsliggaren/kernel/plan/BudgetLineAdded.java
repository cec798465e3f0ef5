package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A budget line was added, amounts in mnkr as decided and printed (never recomputed). */
public record BudgetLineAdded(String planId, String lineId, String tableId, String parentLineId, String label, int position, Map<String, BigDecimal> amounts, Beslut revisionBeslut) implements PlanEvent {
}
