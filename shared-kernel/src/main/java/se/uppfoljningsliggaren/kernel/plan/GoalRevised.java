package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A goal's numbering or wording was changed. */
public record GoalRevised(String planId, String goalId, String numbering, String title, String description, Beslut revisionBeslut) implements PlanEvent {
}
