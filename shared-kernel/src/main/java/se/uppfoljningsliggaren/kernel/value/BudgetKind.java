package se.uppfoljningsliggaren.kernel.value;

public enum BudgetKind { DRIFT, RESULTAT, INVESTERING }
