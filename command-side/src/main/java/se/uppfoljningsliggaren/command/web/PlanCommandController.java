package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.plan.Plan;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.*;
import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The write API of verksamhetsplaner. Every write needs {@code X-Principal}; {@code If-Match} carries the plan
 * version the caller saw (a stale one gets 409); {@code Idempotency-Key} makes a retried POST safe.
 */
@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans (write)", description = "Record a nämnd's verksamhetsplan med budget as immutable events")
public class PlanCommandController {

    private final CommandDispatcher dispatcher;

    PlanCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record CreatePlanRequest(String namnd, Integer year, String title, List<Integer> planningYears) {
    }

    @PostMapping
    @Operation(summary = "Start a nämnd's plan for a year, as an utkast (one plan per nämnd and year)")
    public ResponseEntity<Object> create(@RequestBody CreatePlanRequest body, HttpServletRequest http) {
        if (body.namnd() == null || body.year() == null) {
            throw CommandRejectedException.invalid(body.namnd() == null ? "namnd" : "year", "namnd and year are required");
        }
        String planId = Plan.planId(body.namnd(), body.year());
        return dispatcher.dispatch(WriteContext.of(http), "POST /api/plans", body,
                new CreatePlan(planId, body.namnd(), body.year(), body.title(), body.planningYears()),
                answer -> new WriteResult(planId, 0), "/api/plans/" + planId);
    }

    public record GoalRequest(String goalId, String parentGoalId, GoalKind kind, GoalOrigin origin, String numbering,
                              String title, String description, Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/goals")
    @Operation(summary = "Add a goal (målsättning, effektmål, nämndmål, målområde, strategi, perspektiv) to the goal tree")
    public ResponseEntity<Object> addGoal(@PathVariable String planId, @RequestBody GoalRequest body,
                                          HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String goalId = idOrNew(body.goalId());
        return dispatcher.dispatch(context, "POST goals " + planId, body,
                new AddGoal(planId, context.expectedVersion(), goalId, body.parentGoalId(), body.kind(), body.origin(),
                        body.numbering(), body.title(), body.description(), body.revisionBeslut()),
                versionOf(goalId), "/api/plans/" + planId);
    }

    public record ReviseGoalRequest(String numbering, String title, String description, Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/goals/{goalId}")
    @Operation(summary = "Revise a goal's numbering or wording (needs revisionBeslut once fastställd)")
    public ResponseEntity<Object> reviseGoal(@PathVariable String planId, @PathVariable String goalId,
                                             @RequestBody ReviseGoalRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        return dispatcher.dispatch(context, "PUT goals " + planId + " " + goalId, body,
                new ReviseGoal(planId, context.expectedVersion(), goalId, body.numbering(), body.title(),
                        body.description(), body.revisionBeslut()), versionOf(goalId), null);
    }

    public record StyrtalRequest(String styrtalId, String goalId, String indikatorId, String numbering, String text,
                                 String unit, Direction direction, PeriodValue senastKanda, Varde arsMalvarde,
                                 Varde langsiktigtMalvarde, List<Breakdown> breakdowns, Beslut revisionBeslut) {
        StyrtalContent content() {
            return new StyrtalContent(numbering, text, unit, direction, senastKanda, arsMalvarde, langsiktigtMalvarde,
                    breakdowns);
        }
    }

    @PostMapping("/{planId}/styrtal")
    @Operation(summary = "Add a styrtal/indikator under a goal, with utfall (senast kända värde) and målvärden as written")
    public ResponseEntity<Object> addStyrtal(@PathVariable String planId, @RequestBody StyrtalRequest body,
                                             HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String styrtalId = idOrNew(body.styrtalId());
        return dispatcher.dispatch(context, "POST styrtal " + planId, body,
                new AddStyrtal(planId, context.expectedVersion(), styrtalId, body.goalId(), body.indikatorId(),
                        body.content(), body.revisionBeslut()), versionOf(styrtalId), "/api/plans/" + planId);
    }

    public record ReviseStyrtalRequest(String numbering, String text, String unit, Direction direction,
                                       PeriodValue senastKanda, Varde arsMalvarde, Varde langsiktigtMalvarde,
                                       List<Breakdown> breakdowns, Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/styrtal/{styrtalId}")
    @Operation(summary = "Revise a styrtal: the new content replaces the old in the view; both stay in the event stream")
    public ResponseEntity<Object> reviseStyrtal(@PathVariable String planId, @PathVariable String styrtalId,
                                                @RequestBody ReviseStyrtalRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        StyrtalContent content = new StyrtalContent(body.numbering(), body.text(), body.unit(), body.direction(),
                body.senastKanda(), body.arsMalvarde(), body.langsiktigtMalvarde(), body.breakdowns());
        return dispatcher.dispatch(context, "PUT styrtal " + planId + " " + styrtalId, body,
                new ReviseStyrtal(planId, context.expectedVersion(), styrtalId, content, body.revisionBeslut()),
                versionOf(styrtalId), null);
    }

    public record RfUppdragRequest(Integer year, Integer nr, String goalId, Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/rf-uppdrag")
    @Operation(summary = "Take up a region-wide RF uppdrag (by year and nr) into the plan, optionally under a goal")
    public ResponseEntity<Object> receiveRfUppdrag(@PathVariable String planId, @RequestBody RfUppdragRequest body,
                                                   HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        if (body.year() == null || body.nr() == null) {
            throw CommandRejectedException.invalid(body.year() == null ? "year" : "nr", "year and nr are required");
        }
        String rfUppdragId = CatalogueCommands.rfUppdragId(body.year(), body.nr());
        return dispatcher.dispatch(context, "POST rf-uppdrag " + planId, body,
                new ReceiveRfUppdrag(planId, context.expectedVersion(), rfUppdragId, body.goalId(),
                        body.revisionBeslut()), versionOf(rfUppdragId), "/api/plans/" + planId);
    }

    public record UppdragRequest(String uppdragId, String goalId, UppdragSource source, String numbering, String text,
                                 String assignee, String continuesFrom, Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/uppdrag")
    @Operation(summary = "Add the nämnd's own uppdrag, a nämnduppdrag to a unit, or another plan-level uppdrag")
    public ResponseEntity<Object> addUppdrag(@PathVariable String planId, @RequestBody UppdragRequest body,
                                             HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String uppdragId = idOrNew(body.uppdragId());
        return dispatcher.dispatch(context, "POST uppdrag " + planId, body,
                new AddUppdrag(planId, context.expectedVersion(), uppdragId, body.goalId(), body.source(),
                        body.numbering(), body.text(), body.assignee(), body.continuesFrom(), body.revisionBeslut()),
                versionOf(uppdragId), "/api/plans/" + planId);
    }

    public record AktivitetRequest(String aktivitetId, String goalId, String uppdragId, String text,
                                   Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/aktiviteter")
    @Operation(summary = "Plan an aktivitet under a goal or an uppdrag")
    public ResponseEntity<Object> addAktivitet(@PathVariable String planId, @RequestBody AktivitetRequest body,
                                               HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String aktivitetId = idOrNew(body.aktivitetId());
        return dispatcher.dispatch(context, "POST aktiviteter " + planId, body,
                new AddAktivitet(planId, context.expectedVersion(), aktivitetId, body.goalId(), body.uppdragId(),
                        body.text(), body.revisionBeslut()), versionOf(aktivitetId), "/api/plans/" + planId);
    }

    public record BudgetTableRequest(String tableId, BudgetKind kind, String title, List<BudgetColumn> columns,
                                     Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/budget-tables")
    @Operation(summary = "Add a budget table (drift, resultat, investering) with its printed columns")
    public ResponseEntity<Object> addBudgetTable(@PathVariable String planId, @RequestBody BudgetTableRequest body,
                                                 HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String tableId = idOrNew(body.tableId());
        return dispatcher.dispatch(context, "POST budget-tables " + planId, body,
                new AddBudgetTable(planId, context.expectedVersion(), tableId, body.kind(), body.title(),
                        body.columns(), body.revisionBeslut()), versionOf(tableId), "/api/plans/" + planId);
    }

    public record BudgetLineRequest(String lineId, String tableId, String parentLineId, String label,
                                    Map<String, BigDecimal> amounts, Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/budget-lines")
    @Operation(summary = "Add a budget line, amounts in mnkr per column as printed (children are never summed)")
    public ResponseEntity<Object> addBudgetLine(@PathVariable String planId, @RequestBody BudgetLineRequest body,
                                                HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String lineId = idOrNew(body.lineId());
        return dispatcher.dispatch(context, "POST budget-lines " + planId, body,
                new AddBudgetLine(planId, context.expectedVersion(), lineId, body.tableId(), body.parentLineId(),
                        body.label(), body.amounts(), body.revisionBeslut()), versionOf(lineId), "/api/plans/" + planId);
    }

    public record ReviseBudgetLineRequest(Map<String, BigDecimal> amounts, Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/budget-lines/{lineId}")
    @Operation(summary = "Change a budget line by beslut (tilläggsbudget, omfördelning): the budget becomes 'aktuell'")
    public ResponseEntity<Object> reviseBudgetLine(@PathVariable String planId, @PathVariable String lineId,
                                                   @RequestBody ReviseBudgetLineRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        return dispatcher.dispatch(context, "PUT budget-lines " + planId + " " + lineId, body,
                new ReviseBudgetLine(planId, context.expectedVersion(), lineId, body.amounts(), body.revisionBeslut()),
                versionOf(lineId), null);
    }

    public record AdoptionRequest(Beslut beslut) {
    }

    @PostMapping("/{planId}/adoption")
    @Operation(summary = "Fastställ the plan by a beslut; after this every change is a revision citing a beslut")
    public ResponseEntity<Object> adopt(@PathVariable String planId, @RequestBody AdoptionRequest body,
                                        HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        return dispatcher.dispatch(context, "POST adoption " + planId, body,
                new AdoptPlan(planId, context.expectedVersion(), body.beslut()), versionOf(planId), null);
    }

    private static String idOrNew(String requested) {
        return requested == null ? java.util.UUID.randomUUID().toString() : requested;
    }

    private static java.util.function.Function<Object, WriteResult> versionOf(String id) {
        return answer -> new WriteResult(id, ((Number) answer).longValue());
    }
}
