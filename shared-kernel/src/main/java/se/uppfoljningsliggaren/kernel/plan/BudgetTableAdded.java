package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A budget table (drift, resultat, investering) with its printed columns was added. */
public record BudgetTableAdded(String planId, String tableId, BudgetKind kind, String title, List<BudgetColumn> columns, Beslut revisionBeslut) implements PlanEvent {
}
