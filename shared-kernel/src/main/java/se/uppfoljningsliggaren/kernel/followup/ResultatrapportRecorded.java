package se.uppfoljningsliggaren.kernel.followup;

import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.util.List;

/**
 * The resultatrapport of a follow-up: per budget line its budget, utfall and last year's utfall as reported, and the
 * budget version compared against ("beslutad" or "aktuell"; null where the source does not say which). Recorded as a
 * whole; a later one replaces it in views.
 * Budgetavvikelse and förändring are computed from these, never stored.
 */
public record ResultatrapportRecorded(String occasionId, String title, String budgetVersion,
                                      List<ResultatLine> lines, Beslut revisionBeslut) {
}
