package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.Breakdown;
import se.uppfoljningsliggaren.kernel.value.Varde;

/** A figure for one row of a breakdown: "Regionkansliet: 91 %", "kvinnor: 83,9 år". */
public record BreakdownValue(Breakdown.Dimension dimension, String label, Varde value) {
}
