package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The plan was fastställd by a beslut; from now on each change is a revision citing a beslut. */
public record PlanAdopted(String planId, Beslut beslut) implements PlanEvent {
}
