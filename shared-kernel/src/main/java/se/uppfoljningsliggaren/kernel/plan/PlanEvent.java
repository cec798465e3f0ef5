package se.uppfoljningsliggaren.kernel.plan;

/**
 * A fact about a verksamhetsplan. Events are never edited: a change is a new event. Who and why travel in the
 * metadata; the beslut a change rests on
 * ({@code revisionBeslut}, null while the plan is an utkast) is part of the fact itself, so an audit can ask for it.
 */
public sealed interface PlanEvent permits PlanCreated, GoalAdded, GoalRevised, StyrtalAdded, StyrtalRevised,
        RfUppdragReceived, UppdragAdded, AktivitetAdded, BudgetTableAdded, BudgetLineAdded, BudgetLineRevised,
        PlanAdopted, FigureTableRecorded, ItemContinued, ItemMarkedNew, PreviousItemDropped {

    String planId();
}
