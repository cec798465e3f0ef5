package se.uppfoljningsliggaren.kernel.value;

/** The items of a plan whose identity across years is recorded: each kind continues only its own kind. */
public enum PlanItemKind {
    GOAL, STYRTAL, UPPDRAG
}
