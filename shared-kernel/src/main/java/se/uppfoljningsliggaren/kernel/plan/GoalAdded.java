package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A goal (målsättning, effektmål, målområde …) was added to the goal tree. */
public record GoalAdded(String planId, String goalId, String parentGoalId, GoalKind kind, GoalOrigin origin, String numbering, String title, String description, Beslut revisionBeslut) implements PlanEvent {
}
