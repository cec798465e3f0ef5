package se.uppfoljningsliggaren.kernel.plan;

import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A nämnd's verksamhetsplan for a year was started as an utkast. */
public record PlanCreated(String planId, String namndCode, int year, String title, List<Integer> planningYears) implements PlanEvent {
}
