package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A budget line was changed by beslut after fastställande: the budget is now in a new, aktuell version.
 *
 * @param printed as in {@link BudgetLineAdded}: the revised cells as printed, null when none was given
 */
public record BudgetLineRevised(String planId, String lineId, int budgetVersion, Map<String, BigDecimal> amounts, Map<String, Varde> printed, Beslut revisionBeslut) implements PlanEvent {
}
