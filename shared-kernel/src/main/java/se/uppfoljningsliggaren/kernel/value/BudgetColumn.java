package se.uppfoljningsliggaren.kernel.value;

/** A column of a budget table as printed, e.g. "Budget 2026" (role BUDGET) or "Prognos 2025". */
public record BudgetColumn(String key, String label, Role role) {

    public enum Role { BUDGET, BUDGET_PREVIOUS_YEAR, PROGNOS_PREVIOUS_YEAR, OMSATTNING, VARAV_BUDGETRAM, OTHER }
}
