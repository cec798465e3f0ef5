package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An uppdrag of the plan's own (nämndens eget, nämnduppdrag, …) was added. {@code continuesFrom} is a reference
 * as written in events from before continuity was recorded, never checked; a continuation is now an
 * {@link ItemContinued}, and new events leave it null.
 */
public record UppdragAdded(String planId, String uppdragId, String goalId, UppdragSource source, String numbering, String text, String assignee, String continuesFrom, Beslut revisionBeslut) implements PlanEvent {
}
