package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A styrtal/indikator with its values and targets was set under a goal. */
public record StyrtalAdded(String planId, String styrtalId, String goalId, String indikatorId, StyrtalContent content, Beslut revisionBeslut) implements PlanEvent {
}
