package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The plan took up a region-wide uppdrag from regionfullmäktige. */
public record RfUppdragReceived(String planId, String rfUppdragId, String goalId, Beslut revisionBeslut) implements PlanEvent {
}
