package se.uppfoljningsliggaren.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.GetIndikatorSeries;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.IndikatorSeries;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.*;
import se.uppfoljningsliggaren.kernel.query.YearOverYear;
import se.uppfoljningsliggaren.kernel.query.PlanViews.*;
import se.uppfoljningsliggaren.kernel.value.PlanStatus;

import java.util.List;
import java.util.Optional;

/** The read API: plans, one plan's current view, the catalogue, one indikator across plans. */
@RestController
@RequestMapping("/api")
@Tag(name = "Plans (read)", description = "Views built from the event stream")
public class PlanQueryController {

    private final QueryGateway queries;
    private final ViewFreshness freshness;

    PlanQueryController(QueryGateway queries, ViewFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping("/plans")
    @Operation(summary = "List plans, optionally by nämnd, year and status; asOf (ISO instant) lists the plans that "
            + "existed then, as they stood then")
    public List<PlanSummary> plans(@RequestParam(required = false) String namnd,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) PlanStatus status,
                                   @RequestParam(required = false) java.time.Instant asOf) {
        return queries.query(new FindPlans(namnd, year, status, asOf),
                ResponseTypes.multipleInstancesOf(PlanSummary.class)).join();
    }

    @GetMapping("/plans/{planId}")
    @Operation(summary = "One plan's view as a tree: goals → styrtal → uppdrag → aktiviteter, the budget, status and "
            + "beslut. asOf (ISO instant) gives the plan as it stood then; minVersion (the version a write answered) "
            + "waits at most 2 s for the view to include it, else 409. ETag: the plan's version; X-Ledger-Position: "
            + "the store position of the last event the view reflects.")
    public ResponseEntity<PlanView> plan(@PathVariable String planId,
                                         @RequestParam(required = false) Long minVersion,
                                         @RequestParam(required = false) java.time.Instant asOf) {
        if (minVersion != null) {
            freshness.awaitVersion(ViewFreshness.VersionedView.PLAN, planId, minVersion);
        }
        PlanView view = found(queries.query(new GetPlanView(planId, asOf),
                ResponseTypes.optionalInstanceOf(PlanView.class)).join(), "planId", "no plan " + planId);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(String.valueOf(view.version()));
        if (asOf == null) {
            freshness.position(ViewFreshness.VersionedView.PLAN, planId).ifPresent(position ->
                    answer.header(ViewFreshness.POSITION_HEADER, String.valueOf(position)));
        }
        return answer.body(view);
    }

    @GetMapping("/plans/{namnd}/{year}/year-over-year")
    @Operation(summary = "Plan N against plan N−1 of a nämnd from recorded continuity only: linked pairs (unchanged, "
            + "renumbered, changed), items said to be new, items of N−1 recorded as not continued, and items with no "
            + "recorded link shown as unlinked; each styrtal its own row; RF uppdrag by their region-wide link. asOf "
            + "(ISO instant) compares the two plans as they stood then")
    public YearOverYear.Comparison yearOverYear(@PathVariable String namnd, @PathVariable int year,
                                                @RequestParam(required = false) java.time.Instant asOf) {
        return found(queries.query(new YearOverYear.GetYearOverYear(namnd, year, asOf),
                ResponseTypes.optionalInstanceOf(YearOverYear.Comparison.class)).join(),
                "year", "no pair of plans " + namnd + " " + (year - 1) + "–" + year);
    }

    @GetMapping("/plans/{planId}/continuity/suggestions")
    @Operation(summary = "SUGGESTIONS ONLY, never stored: for the plan's items without recorded continuity, the item "
            + "of the same nämnd's plan of the year before a heuristic guesses it continues (shared indikatorer, "
            + "kind and title, indikator, text). Record a link (PUT /api/plans/{planId}/continuity/{kind}/{itemId}) "
            + "to make one a fact")
    public YearOverYear.ContinuitySuggestions continuitySuggestions(@PathVariable String planId) {
        return found(queries.query(new YearOverYear.GetContinuitySuggestions(planId),
                ResponseTypes.optionalInstanceOf(YearOverYear.ContinuitySuggestions.class)).join(),
                "planId", "no plan " + planId + " with a plan of the year before");
    }

    @GetMapping("/namnder")
    @Operation(summary = "The nämnder")
    public List<NamndView> namnder() {
        return queries.query(new ListNamnder(), ResponseTypes.multipleInstancesOf(NamndView.class)).join();
    }

    @GetMapping("/indikatorer")
    @Operation(summary = "The indikator catalogue")
    public List<IndikatorView> indikatorer() {
        return queries.query(new ListIndikatorer(), ResponseTypes.multipleInstancesOf(IndikatorView.class)).join();
    }

    @GetMapping("/indikatorer/{indikatorId}")
    @Operation(summary = "One indikator across every plan that uses it, with its values and targets in each")
    public IndikatorUsage indikator(@PathVariable String indikatorId) {
        return found(queries.query(new GetIndikatorUsage(indikatorId),
                ResponseTypes.optionalInstanceOf(IndikatorUsage.class)).join(), "indikatorId", "no indikator " + indikatorId);
    }

    @GetMapping("/indikatorer/{indikatorId}/series")
    @Operation(summary = "One indikator's time series across years and periods: recorded utfall and prognos with their "
            + "corrections, and each plan's senast kända värde; optionally for one nämnd; asOf (ISO instant) gives the "
            + "series as it stood then: the figures recorded by then, each with the corrections made by then")
    public IndikatorSeries series(@PathVariable String indikatorId, @RequestParam(required = false) String namnd,
                                  @RequestParam(required = false) java.time.Instant asOf) {
        return found(queries.query(new GetIndikatorSeries(indikatorId, namnd, asOf),
                ResponseTypes.optionalInstanceOf(IndikatorSeries.class)).join(), "indikatorId", "no indikator " + indikatorId);
    }

    @GetMapping("/rf-uppdrag")
    @Operation(summary = "Region-wide RF uppdrag, optionally for one year")
    public List<RfUppdragView> rfUppdrag(@RequestParam(required = false) Integer year) {
        return queries.query(new ListRfUppdrag(year), ResponseTypes.multipleInstancesOf(RfUppdragView.class)).join();
    }

    static <T> T found(Optional<T> value, String field, String reason) {
        return value.orElseThrow(() -> ViewFreshness.notFound(field, reason));
    }
}
