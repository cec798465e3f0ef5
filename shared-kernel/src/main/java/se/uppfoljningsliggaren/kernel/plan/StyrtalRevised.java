package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A styrtal's content was changed; the earlier content stays in the stream. */
public record StyrtalRevised(String planId, String styrtalId, StyrtalContent content, Beslut revisionBeslut) implements PlanEvent {
}
