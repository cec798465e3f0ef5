package se.uppfoljningsliggaren.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.FollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetFollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetOverview;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.Overview;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import org.springframework.web.bind.annotation.RequestParam;

/** The read API of follow-up occasions. */
@RestController
@RequestMapping("/api/followups")
@Tag(name = "Follow-up (read)")
public class FollowUpQueryController {

    private final QueryGateway queries;
    private final ViewFreshness freshness;

    FollowUpQueryController(QueryGateway queries, ViewFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping("/overview")
    @Operation(summary = "Uppsiktsplikt overview: every nämnd's follow-up of a kind for a year in one answer, with its "
            + "summary table, budgetavvikelse and how many of its follow-ups are fastställda; each row links onward. "
            + "asOf (ISO instant) gives the overview as it stood then")
    public Overview overview(@RequestParam int year,
                             @RequestParam(defaultValue = "VERKSAMHETSBERATTELSE") OccasionKind kind,
                             @RequestParam(required = false) java.time.Instant asOf) {
        return queries.query(new GetOverview(year, kind, asOf), ResponseTypes.instanceOf(Overview.class)).join();
    }

    @GetMapping("/{occasionId}")
    @Operation(summary = "The follow-up report: the plan's goals, indikatorer and uppdrag with the nämnd's assessments, "
            + "and the summary table of måluppfyllelse per category, each count with the items behind it. asOf (ISO "
            + "instant) gives the report, and the plan behind it, as they stood then; minVersion (the version a write "
            + "answered) waits at most 2 s for the report to include it, else 409. ETag (the live report): the "
            + "follow-up's version, for If-Match")
    public ResponseEntity<FollowUpReport> report(@PathVariable String occasionId,
                                                 @RequestParam(required = false) Long minVersion,
                                                 @RequestParam(required = false) java.time.Instant asOf) {
        if (minVersion != null) {
            freshness.awaitVersion(ViewFreshness.VersionedView.FOLLOW_UP, occasionId, minVersion);
        }
        // the version read before the report: an ETag never newer than what the report shows, so a write sent
        // with it cannot pass over a change its writer has not seen
        long version = freshness.version(ViewFreshness.VersionedView.FOLLOW_UP, occasionId);
        FollowUpReport report = PlanQueryController.found(queries.query(new GetFollowUpReport(occasionId, asOf),
                ResponseTypes.optionalInstanceOf(FollowUpReport.class)).join(), "occasionId",
                "no follow-up " + occasionId);
        return ViewFreshness.ok(version, asOf).body(report);
    }
}
