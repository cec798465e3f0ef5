package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** An aktivitet was planned under a goal or an uppdrag. */
public record AktivitetAdded(String planId, String aktivitetId, String goalId, String uppdragId, String text, Beslut revisionBeslut) implements PlanEvent {
}
