package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.FigureTable;

/**
 * A table of figures (nyckeltal, bidrag) was recorded in the plan as printed. Recorded as a whole: a later one under
 * the same id replaces it in views, and both stay in the stream.
 */
public record FigureTableRecorded(String planId, String tableId, FigureTable table, Beslut revisionBeslut)
        implements PlanEvent {
}
