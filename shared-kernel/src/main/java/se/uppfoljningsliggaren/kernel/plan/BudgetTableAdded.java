package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A budget table (drift, resultat, investering) with its printed columns was added; {@code notes}: the footnotes and
 * definitions printed with it, in order (null on events recorded before notes were kept).
 */
public record BudgetTableAdded(String planId, String tableId, BudgetKind kind, String title, List<BudgetColumn> columns,
                               Beslut revisionBeslut, List<String> notes) implements PlanEvent {

    /** A table without notes. */
    public BudgetTableAdded(String planId, String tableId, BudgetKind kind, String title, List<BudgetColumn> columns,
                            Beslut revisionBeslut) {
        this(planId, tableId, kind, title, columns, revisionBeslut, List.of());
    }
}
