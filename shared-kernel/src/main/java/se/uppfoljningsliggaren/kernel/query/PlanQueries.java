package se.uppfoljningsliggaren.kernel.query;

import se.uppfoljningsliggaren.kernel.value.PlanStatus;

/** Questions the read side answers about plans and the catalogue. */
public final class PlanQueries {

    private PlanQueries() {
    }

    /** Plans filtered by nämnd, year and status; a null filter matches all. */
    public record FindPlans(String namnd, Integer year, PlanStatus status) {
    }

    /** One plan's current view; with minVersion, waits (briefly) until the view has caught up with that version. */
    public record GetPlanView(String planId, Long minVersion) {
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
