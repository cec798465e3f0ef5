package se.uppfoljningsliggaren.kernel.query;

import se.uppfoljningsliggaren.kernel.value.PlanStatus;

/** Questions the read side answers about plans and the catalogue. */
public final class PlanQueries {

    private PlanQueries() {
    }

    /** Plans filtered by nämnd, year and status; a null filter matches all. */
    /** The plans, by nämnd, year and status; with asOf, the plans that existed then, as they stood then. */
    public record FindPlans(String namnd, Integer year, PlanStatus status, java.time.Instant asOf) {
    }

    /**
     * One plan's view: the current one, or as it stood at {@code asOf} (exactly: the state after the last event
     * recorded at or before that instant). Answers at once: an unknown plan is empty, never waited for.
     */
    public record GetPlanView(String planId, java.time.Instant asOf) {
    }

    /** One indikator across every plan that uses it, all years and nämnder. */
    public record GetIndikatorUsage(String indikatorId) {
    }

    public record ListNamnder() {
    }

    public record ListIndikatorer() {
    }

    public record ListRfUppdrag(Integer year) {
    }
}
