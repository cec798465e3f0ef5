package se.uppfoljningsliggaren.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkViews.AtgardHistoryEntry;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetAtgardHistory;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIkFollowUp;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIkOverview;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIsk;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkFollowUp;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverview;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkPlanSummary;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkPlanView;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IskView;
import se.uppfoljningsliggaren.kernel.ik.IkViews.ListIkPlans;

import java.time.Instant;
import java.util.List;

/** The read API of internal control. */
@RestController
@Tag(name = "Internal control (read)")
public class InternalControlQueryController {

    /** Stands for the region in paths where a nämnd code would be: the samlad bedömning. */
    private static final String REGION = "region";

    private final QueryGateway queries;
    private final ViewFreshness freshness;

    InternalControlQueryController(QueryGateway queries, ViewFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    @GetMapping("/api/ik-plans")
    @Operation(summary = "IK-plans, by year and nämnd (the regionövergripande rows of a year have no nämnd)")
    public List<IkPlanSummary> list(@RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String namnd) {
        return queries.query(new ListIkPlans(year, namnd), ResponseTypes.multipleInstancesOf(IkPlanSummary.class))
                .join();
    }

    @GetMapping("/api/ik-plans/{ikPlanId}")
    @Operation(summary = "An IK-plan: per risk (verksamhet, krav, riskvärde) its åtgärder with the nämnd's status; a "
            + "nämnd's plan shows the year's regionövergripande risks and åtgärder as regionstyrelsen currently words them. "
            + "asOf (ISO instant) gives both as they stood then; minVersion (the version a write answered) waits at "
            + "most 2 s for the view to include it, else 409. ETag: the IK-plan's version (for If-Match)")
    public ResponseEntity<IkPlanView> plan(@PathVariable String ikPlanId,
                                           @RequestParam(required = false) Long minVersion,
                                           @RequestParam(required = false) Instant asOf) {
        if (minVersion != null) {
            freshness.awaitVersion(ViewFreshness.VersionedView.IK_PLAN, ikPlanId, minVersion);
        }
        IkPlanView view = queries.query(new GetIkPlan(ikPlanId, asOf),
                        ResponseTypes.optionalInstanceOf(IkPlanView.class)).join()
                .orElseThrow(() -> ViewFreshness.notFound("ikPlanId", "no IK-plan " + ikPlanId));
        return ResponseEntity.ok().eTag(String.valueOf(view.version())).body(view);
    }

    @GetMapping("/api/ik-plans/{ikPlanId}/atgarder/{atgardId}/history")
    @Operation(summary = "An åtgärd's history: its content as added and revised, every status step and effect "
            + "evaluation, each with who, when and why")
    public List<AtgardHistoryEntry> history(@PathVariable String ikPlanId, @PathVariable String atgardId,
                                            @RequestParam(defaultValue = "false") boolean regionovergripande) {
        List<AtgardHistoryEntry> history = queries.query(new GetAtgardHistory(ikPlanId, atgardId, regionovergripande),
                ResponseTypes.multipleInstancesOf(AtgardHistoryEntry.class)).join();
        if (history.isEmpty()) {
            throw ViewFreshness.notFound("atgardId", "no åtgärd " + atgardId + " in " + ikPlanId);
        }
        return history;
    }

    @GetMapping("/api/followups/{occasionId}/internkontroll")
    @Operation(summary = "The IK follow-up of an occasion (as in a verksamhetsberättelse's chapter on intern kontroll): "
            + "per verksamhet and risk each åtgärd's status per the period's last day, its effect and comment; asOf "
            + "(ISO instant) gives it as it stood then")
    public IkFollowUp followUp(@PathVariable String occasionId, @RequestParam(required = false) Instant asOf) {
        return queries.query(new GetIkFollowUp(occasionId, asOf), ResponseTypes.optionalInstanceOf(IkFollowUp.class))
                .join()
                .orElseThrow(() -> ViewFreshness.notFound("occasionId", "no IK-plan followed up at " + occasionId));
    }

    @GetMapping("/api/isk-bedomningar/{namnd}/{year}")
    @Operation(summary = "A nämnd's ISK-bedömning with its underlag (krav a: måluppfyllelse, b: budgetavvikelse, c–e: "
            + "the IK follow-up); with 'region' for namnd, regionstyrelsen's samlad bedömning and each nämnd's outcome; "
            + "asOf (ISO instant) gives the bedömning and its underlag as they stood then. ETag (live, once a "
            + "bedömning is recorded): its version, for If-Match")
    public ResponseEntity<IskView> isk(@PathVariable String namnd, @PathVariable int year,
                                       @RequestParam(required = false) Instant asOf) {
        String namndCode = REGION.equalsIgnoreCase(namnd) ? null : namnd;
        // read before the view, so the ETag is never newer than what the view shows (see FollowUpQueryController)
        long version = freshness.version(ViewFreshness.VersionedView.ISK, IkCommands.iskId(namndCode, year));
        IskView view = queries.query(new GetIsk(namndCode, year, asOf),
                        ResponseTypes.optionalInstanceOf(IskView.class)).join()
                .orElseThrow(() -> ViewFreshness.notFound("namnd", "no ISK-bedömning nor underlag for " + namnd + " " + year));
        return ViewFreshness.ok(version, asOf).body(view);
    }

    @GetMapping("/api/internkontroll/overview")
    @Operation(summary = "Internal control of every nämnd of a year, for regionstyrelsen: åtgärder by status per year "
            + "end, those ej genomförda or still open, the ISK-bedömning and its outcome, and the samlad bedömning. "
            + "asOf (ISO instant) gives the overview as it stood then")
    public IkOverview overview(@RequestParam int year, @RequestParam(required = false) Instant asOf) {
        return queries.query(new GetIkOverview(year, asOf), ResponseTypes.instanceOf(IkOverview.class)).join();
    }
}
