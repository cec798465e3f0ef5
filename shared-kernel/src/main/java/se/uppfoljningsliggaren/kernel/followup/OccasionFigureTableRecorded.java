package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.FigureTable;

/**
 * A table of figures of a follow-up (the personalekonomi of a verksamhetsberättelse, its nyckeltal) was recorded as
 * printed. Recorded as a whole: a later one under the same id replaces it in views, and both stay in the stream.
 */
public record OccasionFigureTableRecorded(String occasionId, String tableId, FigureTable table,
                                          Beslut revisionBeslut) {
}
