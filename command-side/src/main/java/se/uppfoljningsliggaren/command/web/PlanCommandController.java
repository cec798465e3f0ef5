package se.uppfoljningsliggaren.command.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import java.util.function.Function;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The write API of verksamhetsplaner. Every write needs a signed-in caller allowed by the WritePolicy; {@code If-Match} carries the plan
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

    public record CreatePlanRequest(@Schema(requiredMode = REQUIRED) String namnd,
                                    @Schema(requiredMode = REQUIRED) Integer year,
                                    @Schema(requiredMode = REQUIRED) String title, List<Integer> planningYears) {
    }

    @PostMapping
    @Operation(summary = "Start a nämnd's plan for a year, as an utkast (one plan per nämnd and year)")
    @CreatesResource
    public ResponseEntity<Object> create(@RequestBody CreatePlanRequest body, HttpServletRequest http) {
        if (body.namnd() == null || body.year() == null) {
            throw CommandRejectedException.invalid(body.namnd() == null ? "namnd" : "year", "namnd and year are required");
        }
        String planId = Plan.planId(body.namnd(), body.year());
        return dispatcher.dispatch(WriteContext.of(http), "POST /api/plans", body,
                new CreatePlan(planId, body.namnd(), body.year(), body.title(), body.planningYears()),
                answer -> new WriteResult(planId, 0), "/api/plans/" + planId);
    }

    public record GoalRequest(String goalId, String parentGoalId, @Schema(requiredMode = REQUIRED) GoalKind kind,
                              @Schema(requiredMode = REQUIRED) GoalOrigin origin, String numbering,
                              @Schema(requiredMode = REQUIRED) String title, String description,
                              Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/goals")
    @Operation(summary = "Add a goal (målsättning, effektmål, nämndmål, målområde, strategi, perspektiv) to the goal tree")
    @CreatesResource
    public ResponseEntity<Object> addGoal(@PathVariable String planId, @RequestBody GoalRequest body,
                                          HttpServletRequest http) {
        String goalId = idOrNew(body.goalId());
        return onPlan(http, "POST goals " + planId, planId, body, goalId, true,
                expectedVersion -> new AddGoal(planId, expectedVersion, goalId, body.parentGoalId(), body.kind(), body.origin(), body.numbering(), body.title(), body.description(), body.revisionBeslut()));
    }

    public record ReviseGoalRequest(String numbering, @Schema(requiredMode = REQUIRED) String title,
                                    String description, Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/goals/{goalId}")
    @Operation(summary = "Revise a goal's numbering or wording (needs revisionBeslut once fastställd)")
    public ResponseEntity<Object> reviseGoal(@PathVariable String planId, @PathVariable String goalId,
                                             @RequestBody ReviseGoalRequest body, HttpServletRequest http) {
        return onPlan(http, "PUT goals " + planId + " " + goalId, planId, body, goalId, false,
                expectedVersion -> new ReviseGoal(planId, expectedVersion, goalId, body.numbering(), body.title(), body.description(), body.revisionBeslut()));
    }

    public record StyrtalRequest(String styrtalId, @Schema(requiredMode = REQUIRED) String goalId,
                                 @Schema(requiredMode = REQUIRED) String indikatorId, String numbering,
                                 @Schema(requiredMode = REQUIRED) String text, String unit, Direction direction,
                                 PeriodValue senastKanda, Varde arsMalvarde, Varde langsiktigtMalvarde,
                                 List<Breakdown> breakdowns, Beslut revisionBeslut) {
        StyrtalContent content() {
            return new StyrtalContent(numbering, text, unit, direction, senastKanda, arsMalvarde, langsiktigtMalvarde,
                    breakdowns);
        }
    }

    @PostMapping("/{planId}/styrtal")
    @Operation(summary = "Add a styrtal/indikator under a goal, with utfall (senast kända värde) and målvärden as written")
    @CreatesResource
    public ResponseEntity<Object> addStyrtal(@PathVariable String planId, @RequestBody StyrtalRequest body,
                                             HttpServletRequest http) {
        String styrtalId = idOrNew(body.styrtalId());
        return onPlan(http, "POST styrtal " + planId, planId, body, styrtalId, true,
                expectedVersion -> new AddStyrtal(planId, expectedVersion, styrtalId, body.goalId(), body.indikatorId(), body.content(), body.revisionBeslut()));
    }

    public record ReviseStyrtalRequest(String numbering, @Schema(requiredMode = REQUIRED) String text, String unit,
                                       Direction direction, PeriodValue senastKanda, Varde arsMalvarde,
                                       Varde langsiktigtMalvarde, List<Breakdown> breakdowns, Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/styrtal/{styrtalId}")
    @Operation(summary = "Revise a styrtal: the new content replaces the old in the view; both stay in the event stream")
    public ResponseEntity<Object> reviseStyrtal(@PathVariable String planId, @PathVariable String styrtalId,
                                                @RequestBody ReviseStyrtalRequest body, HttpServletRequest http) {
        StyrtalContent content = new StyrtalContent(body.numbering(), body.text(), body.unit(), body.direction(),
                body.senastKanda(), body.arsMalvarde(), body.langsiktigtMalvarde(), body.breakdowns());
        return onPlan(http, "PUT styrtal " + planId + " " + styrtalId, planId, body, styrtalId, false,
                expectedVersion -> new ReviseStyrtal(planId, expectedVersion, styrtalId, content, body.revisionBeslut()));
    }

    /** Named apart from the catalogue's RfUppdragRequest: schema names are simple class names. */
    @Schema(name = "ReceiveRfUppdragRequest")
    public record RfUppdragRequest(@Schema(requiredMode = REQUIRED) Integer year,
                                   @Schema(requiredMode = REQUIRED) Integer nr, String goalId, Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/rf-uppdrag")
    @Operation(summary = "Take up a region-wide RF uppdrag (by year and nr) into the plan, optionally under a goal")
    @CreatesResource
    public ResponseEntity<Object> receiveRfUppdrag(@PathVariable String planId, @RequestBody RfUppdragRequest body,
                                                   HttpServletRequest http) {
        if (body.year() == null || body.nr() == null) {
            throw CommandRejectedException.invalid(body.year() == null ? "year" : "nr", "year and nr are required");
        }
        String rfUppdragId = CatalogueCommands.rfUppdragId(body.year(), body.nr());
        return onPlan(http, "POST rf-uppdrag " + planId, planId, body, rfUppdragId, true,
                expectedVersion -> new ReceiveRfUppdrag(planId, expectedVersion, rfUppdragId, body.goalId(), body.revisionBeslut()));
    }

    public record UppdragRequest(String uppdragId, String goalId,
                                 @Schema(requiredMode = REQUIRED) UppdragSource source, String numbering,
                                 @Schema(requiredMode = REQUIRED) String text, String assignee, String continuesFrom,
                                 Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/uppdrag")
    @Operation(summary = "Add the nämnd's own uppdrag, a nämnduppdrag to a unit, or another plan-level uppdrag")
    @CreatesResource
    public ResponseEntity<Object> addUppdrag(@PathVariable String planId, @RequestBody UppdragRequest body,
                                             HttpServletRequest http) {
        String uppdragId = idOrNew(body.uppdragId());
        return onPlan(http, "POST uppdrag " + planId, planId, body, uppdragId, true,
                expectedVersion -> new AddUppdrag(planId, expectedVersion, uppdragId, body.goalId(), body.source(), body.numbering(), body.text(), body.assignee(), body.continuesFrom(), body.revisionBeslut()));
    }

    public record AktivitetRequest(String aktivitetId, String goalId, String uppdragId,
                                   @Schema(requiredMode = REQUIRED) String text, Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/aktiviteter")
    @Operation(summary = "Plan an aktivitet under a goal or an uppdrag")
    @CreatesResource
    public ResponseEntity<Object> addAktivitet(@PathVariable String planId, @RequestBody AktivitetRequest body,
                                               HttpServletRequest http) {
        String aktivitetId = idOrNew(body.aktivitetId());
        return onPlan(http, "POST aktiviteter " + planId, planId, body, aktivitetId, true,
                expectedVersion -> new AddAktivitet(planId, expectedVersion, aktivitetId, body.goalId(), body.uppdragId(), body.text(), body.revisionBeslut()));
    }

    public record BudgetTableRequest(String tableId, @Schema(requiredMode = REQUIRED) BudgetKind kind,
                                     @Schema(requiredMode = REQUIRED) String title,
                                     @Schema(requiredMode = REQUIRED) List<BudgetColumn> columns,
                                     Beslut revisionBeslut,
                                     @Schema(description = "Footnotes and definitions printed with the table, in "
                                             + "order, e.g. \"*) Resultat budget 2026 ska överensstämma med "
                                             + "nämndens budgetram\"") List<String> notes) {
    }

    @PostMapping("/{planId}/budget-tables")
    @Operation(summary = "Add a budget table (drift, resultat, investering) with its printed columns")
    @CreatesResource
    public ResponseEntity<Object> addBudgetTable(@PathVariable String planId, @RequestBody BudgetTableRequest body,
                                                 HttpServletRequest http) {
        String tableId = idOrNew(body.tableId());
        return onPlan(http, "POST budget-tables " + planId, planId, body, tableId, true,
                expectedVersion -> new AddBudgetTable(planId, expectedVersion, tableId, body.kind(), body.title(), body.columns(),
                        body.revisionBeslut(), body.notes()));
    }

    /**
     * {@code printed}: per column the cell as printed ("-2 314,7"; words as {"form": "NOT_DECIDED", "written": …}), the
     * amount read from it; {@code amounts}: numbers, for a writer with no printed form (both given must agree).
     */
    public record BudgetLineRequest(String lineId, @Schema(requiredMode = REQUIRED) String tableId,
                                    String parentLineId, @Schema(requiredMode = REQUIRED) String label,
                                    Map<String, BigDecimal> amounts,
                                    @JsonDeserialize(contentUsing = ValueInputModule.AmountDeserializer.class)
                                    Map<String, Varde> printed,
                                    Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/budget-lines")
    @Operation(summary = "Add a budget line, amounts in mnkr per column as printed (children are never summed): "
            + "printed cells (\"-2 314,7\"), from which the ledger reads the amounts, or amounts alone")
    @CreatesResource
    public ResponseEntity<Object> addBudgetLine(@PathVariable String planId, @RequestBody BudgetLineRequest body,
                                                HttpServletRequest http) {
        String lineId = idOrNew(body.lineId());
        return onPlan(http, "POST budget-lines " + planId, planId, body, lineId, true,
                expectedVersion -> new AddBudgetLine(planId, expectedVersion, lineId, body.tableId(), body.parentLineId(), body.label(), body.amounts(), body.printed(), body.revisionBeslut()));
    }

    /** The revised cells, as in {@link BudgetLineRequest}. */
    public record ReviseBudgetLineRequest(Map<String, BigDecimal> amounts,
                                          @JsonDeserialize(contentUsing = ValueInputModule.AmountDeserializer.class)
                                          Map<String, Varde> printed,
                                          Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/budget-lines/{lineId}")
    @Operation(summary = "Change a budget line by beslut (tilläggsbudget, omfördelning): the budget becomes 'aktuell'")
    public ResponseEntity<Object> reviseBudgetLine(@PathVariable String planId, @PathVariable String lineId,
                                                   @RequestBody ReviseBudgetLineRequest body, HttpServletRequest http) {
        return onPlan(http, "PUT budget-lines " + planId + " " + lineId, planId, body, lineId, false,
                expectedVersion -> new ReviseBudgetLine(planId, expectedVersion, lineId, body.amounts(), body.printed(), body.revisionBeslut()));
    }

    @PutMapping("/{planId}/figure-tables/{tableId}")
    @Operation(summary = "Record a table of figures (ekonomiska nyckeltal, bidrag) as printed, each cell in its "
            + "printed form; recorded again under the same id it replaces the earlier one (needs revisionBeslut once "
            + "fastställd)")
    public ResponseEntity<Object> recordFigureTable(@PathVariable String planId, @PathVariable String tableId,
                                                    @RequestBody FigureTableRequest body, HttpServletRequest http) {
        return onPlan(http, "PUT figure-tables " + planId + " " + tableId, planId, body, tableId, false,
                expectedVersion -> new RecordPlanFigureTable(planId, expectedVersion, tableId,
                        body.table(), body.revisionBeslut()));
    }

    /** Exactly one of the two: the item continues {@code previousItemId}, or it is {@code newItem}. */
    public record ContinuityRequest(String previousItemId, Boolean newItem, Beslut revisionBeslut) {
    }

    @PutMapping("/{planId}/continuity/{kind}/{itemId}")
    @Operation(summary = "Record which item of the same nämnd's plan of the year before this goal, styrtal or own "
            + "uppdrag continues (previousItemId), or that it is new (newItem: true); a later statement replaces it. "
            + "Needs revisionBeslut once fastställd")
    public ResponseEntity<Object> recordContinuity(@PathVariable String planId, @PathVariable PlanItemKind kind,
                                                   @PathVariable String itemId, @RequestBody ContinuityRequest body,
                                                   HttpServletRequest http) {
        boolean isNew = Boolean.TRUE.equals(body.newItem());
        if (isNew == (body.previousItemId() != null)) {
            throw CommandRejectedException.invalid("previousItemId",
                    "give either previousItemId (the item continued) or newItem: true");
        }
        return onPlan(http, "PUT continuity " + planId + " " + kind + " " + itemId, planId, body, itemId, false,
                expectedVersion -> isNew ? new MarkItemNew(planId, expectedVersion, kind, itemId, body.revisionBeslut())
                        : new ContinueItem(planId, expectedVersion, kind, itemId, body.previousItemId(),
                        body.revisionBeslut()));
    }

    public record DroppedItemRequest(@Schema(requiredMode = REQUIRED) PlanItemKind kind,
                                     @Schema(requiredMode = REQUIRED) String previousItemId, String reason,
                                     Beslut revisionBeslut) {
    }

    @PostMapping("/{planId}/continuity/dropped")
    @Operation(summary = "Record that an item of the same nämnd's plan of the year before is not continued by this "
            + "plan, optionally why")
    @CreatesResource
    public ResponseEntity<Object> recordDropped(@PathVariable String planId, @RequestBody DroppedItemRequest body,
                                                HttpServletRequest http) {
        return onPlan(http, "POST continuity/dropped " + planId, planId, body, body.previousItemId(), true,
                expectedVersion -> new DropPreviousItem(planId, expectedVersion, body.kind(), body.previousItemId(),
                        body.reason(), body.revisionBeslut()));
    }

    public record AdoptionRequest(@Schema(requiredMode = REQUIRED) Beslut beslut) {
    }

    @PostMapping("/{planId}/adoption")
    @Operation(summary = "Fastställ the plan by a beslut; after this every change is a revision citing a beslut")
    public ResponseEntity<Object> adopt(@PathVariable String planId, @RequestBody AdoptionRequest body,
                                        HttpServletRequest http) {
        return onPlan(http, "POST adoption " + planId, planId, body, planId, false,
                expectedVersion -> new AdoptPlan(planId, expectedVersion, body.beslut()));
    }

    private static String idOrNew(String requested) {
        return requested == null ? java.util.UUID.randomUUID().toString() : requested;
    }

    /**
     * Sends a command on a plan with the caller's expected version; an added item answers 201 pointing at the plan,
     * a revision 200. Both carry the item's id and the plan's version after the write.
     */
    private ResponseEntity<Object> onPlan(HttpServletRequest http, String route, String planId, Object body,
                                          String itemId, boolean added, Function<Long, Object> command) {
        return dispatcher.change(http, route, body, itemId, added ? "/api/plans/" + planId : null, command);
    }
}
