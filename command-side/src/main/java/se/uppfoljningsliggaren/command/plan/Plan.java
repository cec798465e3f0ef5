package se.uppfoljningsliggaren.command.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.Aggregates;
import se.uppfoljningsliggaren.command.Amounts;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.FigureTables;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.command.Revisions;
import se.uppfoljningsliggaren.command.catalogue.CatalogueLookup;
import se.uppfoljningsliggaren.command.catalogue.RfUppdrag.RfUppdragLookup;
import se.uppfoljningsliggaren.kernel.plan.*;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.*;
import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One nämnd's verksamhetsplan med budget for one year. It holds only what must be consistent together: which items
 * exist (so references inside the plan are valid), the status, and the budget's version. Texts and figures live in
 * the events and the read side.
 */
@Aggregate(snapshotTriggerDefinition = "planSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Plan {

    @AggregateIdentifier
    private String planId;
    private String namndCode;
    private int year;
    private PlanStatus status;
    private Beslut adoptedBy;
    private final Set<String> goals = new HashSet<>();
    private final Set<String> styrtal = new HashSet<>();
    /** Own uppdrag and received RF uppdrag: both may carry aktiviteter. */
    private final Set<String> uppdrag = new HashSet<>();
    private final Set<String> aktiviteter = new HashSet<>();
    private final Map<String, Set<String>> budgetColumnsByTable = new HashMap<>();
    private final Map<String, String> tableOfLine = new HashMap<>();
    private final Map<String, Integer> linesInTable = new HashMap<>();
    /** The beslut behind each budget version after the beslutad one: version 2 is the first, and so on. */
    private final List<Beslut> budgetRevisionBeslut = new java.util.ArrayList<>();
    /** Per item ("KIND:id"), the item of the year before it continues; {@link #NEW} when it continues none. */
    private final Map<String, String> continues = new HashMap<>();
    /** Per item of the year before ("KIND:id"), the item continuing it, or {@link #DROPPED}. */
    private final Map<String, String> successorOf = new HashMap<>();
    private static final String NEW = "";
    private static final String DROPPED = "-";

    protected Plan() {
    }

    /** The identity of a nämnd's plan for a year: there is exactly one. */
    public static String planId(String namndCode, int year) {
        return namndCode + "-" + year;
    }

    @CommandHandler
    public Plan(CreatePlan command, CatalogueLookup catalogue) {
        Require.year(command.year(), "year");
        if (!catalogue.namndExists(command.namndCode())) {
            throw CommandRejectedException.unknown("namnd", "no nämnd with code " + command.namndCode());
        }
        if (!planId(command.namndCode(), command.year()).equals(command.planId())) {
            throw CommandRejectedException.invalid("planId", "a plan is identified by nämnd and year");
        }
        List<Integer> planningYears = command.planningYears() == null ? List.of() : command.planningYears();
        if (planningYears.stream().anyMatch(java.util.Objects::isNull) || Set.copyOf(planningYears).size() != planningYears.size()) {
            throw CommandRejectedException.invalid("planningYears", "planning years are distinct years");
        }
        planningYears = List.copyOf(planningYears);
        for (int planningYear : planningYears) {
            if (planningYear <= command.year() || planningYear > command.year() + 5) {
                throw CommandRejectedException.invalid("planningYears",
                        "planning years follow the plan year (at most five ahead), got " + planningYear);
            }
        }
        apply(new PlanCreated(command.planId(), command.namndCode(), command.year(),
                Require.text(command.title(), "title", 300), planningYears));
    }

    @CommandHandler
    public long handle(AddGoal command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String goalId = newId(command.goalId(), "goalId", goals);
        if (command.parentGoalId() != null) {
            requireKnown(goals, command.parentGoalId(), "parentGoalId", "goal");
        }
        apply(new GoalAdded(planId, goalId, command.parentGoalId(), Require.present(command.kind(), "kind"),
                Require.present(command.origin(), "origin"), Require.optionalText(command.numbering(), "numbering", 20),
                Require.text(command.title(), "title", 1000), Require.optionalText(command.description(), "description", 8000),
                beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ReviseGoal command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        requireKnown(goals, command.goalId(), "goalId", "goal");
        apply(new GoalRevised(planId, command.goalId(), Require.optionalText(command.numbering(), "numbering", 20),
                Require.text(command.title(), "title", 1000),
                Require.optionalText(command.description(), "description", 8000), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AddStyrtal command, CatalogueLookup catalogue) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String styrtalId = newId(command.styrtalId(), "styrtalId", styrtal);
        requireKnown(goals, command.goalId(), "goalId", "goal");
        if (!catalogue.indikatorExists(command.indikatorId())) {
            throw CommandRejectedException.unknown("indikatorId",
                    "no indikator " + command.indikatorId() + " in the catalogue; register it first");
        }
        apply(new StyrtalAdded(planId, styrtalId, command.goalId(), command.indikatorId(),
                validContent(command.content()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ReviseStyrtal command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        requireKnown(styrtal, command.styrtalId(), "styrtalId", "styrtal");
        apply(new StyrtalRevised(planId, command.styrtalId(), validContent(command.content()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ReceiveRfUppdrag command, CatalogueLookup catalogue) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        RfUppdragLookup rf = catalogue.rfUppdrag(command.rfUppdragId()).orElseThrow(
                () -> CommandRejectedException.unknown("rfUppdragId", "no RF uppdrag " + command.rfUppdragId()));
        if (rf.year() != year || !rf.givenTo().contains(namndCode)) {
            throw CommandRejectedException.invalid("rfUppdragId",
                    command.rfUppdragId() + " is not given to " + namndCode + " for " + year);
        }
        if (uppdrag.contains(rf.rfUppdragId())) {
            throw CommandRejectedException.conflict("rfUppdragId", "the plan already has " + rf.rfUppdragId());
        }
        if (command.goalId() != null) {
            requireKnown(goals, command.goalId(), "goalId", "goal");
        }
        apply(new RfUppdragReceived(planId, rf.rfUppdragId(), command.goalId(), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AddUppdrag command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String uppdragId = newId(command.uppdragId(), "uppdragId", uppdrag);
        if (uppdragId.startsWith("RF-")) {
            throw CommandRejectedException.invalid("uppdragId", "ids starting with RF- are kept for RF uppdrag");
        }
        UppdragSource source = Require.present(command.source(), "source");
        if (source == UppdragSource.RF) {
            throw CommandRejectedException.invalid("source",
                    "an RF uppdrag is region-wide: issue it once and receive it into the plan");
        }
        if (command.goalId() != null) {
            requireKnown(goals, command.goalId(), "goalId", "goal");
        }
        if (command.continuesFrom() != null) {
            // an unchecked reference would read as a fact: continuity is a link the plan checks (ContinueItem)
            throw CommandRejectedException.invalid("continuesFrom",
                    "record the uppdrag's continuity as a link: PUT /api/plans/" + planId + "/continuity/UPPDRAG/"
                            + uppdragId);
        }
        apply(new UppdragAdded(planId, uppdragId, command.goalId(), source,
                Require.optionalText(command.numbering(), "numbering", 20), Require.text(command.text(), "text", 4000),
                Require.optionalText(command.assignee(), "assignee", 300), null, beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AddAktivitet command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String aktivitetId = newId(command.aktivitetId(), "aktivitetId", aktiviteter);
        if ((command.goalId() == null) == (command.uppdragId() == null)) {
            throw CommandRejectedException.invalid("goalId", "an aktivitet belongs to exactly one goal or uppdrag");
        }
        if (command.goalId() != null) {
            requireKnown(goals, command.goalId(), "goalId", "goal");
        } else {
            requireKnown(uppdrag, command.uppdragId(), "uppdragId", "uppdrag");
        }
        apply(new AktivitetAdded(planId, aktivitetId, command.goalId(), command.uppdragId(),
                Require.text(command.text(), "text", 4000), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AddBudgetTable command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String tableId = newId(command.tableId(), "tableId", budgetColumnsByTable.keySet());
        List<BudgetColumn> columns = Require.present(command.columns(), "columns");
        Set<String> keys = new HashSet<>();
        for (BudgetColumn column : columns) {
            Require.present(column, "columns");
            Require.id(column.key(), "columns.key");
            Require.text(column.label(), "columns.label", 100);
            Require.present(column.role(), "columns.role");
            if (!keys.add(column.key())) {
                throw CommandRejectedException.invalid("columns", "column key " + column.key() + " is used twice");
            }
        }
        if (columns.isEmpty() || columns.stream().filter(c -> c.role() == BudgetColumn.Role.BUDGET).count() > 1) {
            throw CommandRejectedException.invalid("columns", "a budget table has columns, at most one of role BUDGET");
        }
        List<String> notes = command.notes() == null ? List.of() : command.notes();
        notes.forEach(note -> Require.text(note, "notes", 4000));
        apply(new BudgetTableAdded(planId, tableId, Require.present(command.kind(), "kind"),
                Require.text(command.title(), "title", 300), List.copyOf(columns), beslut, List.copyOf(notes)));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AddBudgetLine command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String lineId = newId(command.lineId(), "lineId", tableOfLine.keySet());
        Set<String> columns = budgetColumnsByTable.get(command.tableId());
        if (columns == null) {
            throw CommandRejectedException.unknown("tableId", "no budget table " + command.tableId() + " in " + planId);
        }
        if (command.parentLineId() != null && !command.tableId().equals(tableOfLine.get(command.parentLineId()))) {
            throw CommandRejectedException.unknown("parentLineId",
                    "no line " + command.parentLineId() + " in table " + command.tableId());
        }
        Amounts.Cells cells = cells(command.amounts(), command.printed(), columns);
        apply(new BudgetLineAdded(planId, lineId, command.tableId(), command.parentLineId(),
                Require.text(command.label(), "label", 300), linesInTable.getOrDefault(command.tableId(), 0),
                cells.amounts(), cells.printed(), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ReviseBudgetLine command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        String tableId = tableOfLine.get(command.lineId());
        if (tableId == null) {
            throw CommandRejectedException.unknown("lineId", "no budget line " + command.lineId() + " in " + planId);
        }
        // Lines revised under one beslut form one budget version (a tilläggsbudget changes many lines at once).
        int known = budgetRevisionBeslut.indexOf(beslut);
        int version = status == PlanStatus.UTKAST ? 0 : known >= 0 ? known + 2 : budgetRevisionBeslut.size() + 2;
        Amounts.Cells cells = cells(command.amounts(), command.printed(), budgetColumnsByTable.get(tableId));
        apply(new BudgetLineRevised(planId, command.lineId(), version, cells.amounts(), cells.printed(), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(RecordPlanFigureTable command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        apply(new FigureTableRecorded(planId, Require.id(command.tableId(), "tableId"),
                FigureTables.valid(command.table()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(ContinueItem command, PlanLookup plans) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        PlanItemKind kind = Require.present(command.kind(), "kind");
        String item = ownItem(kind, command.itemId());
        PlanItems previous = previousPlan(plans);
        String earlier = previousItem(kind, command.previousItemId(), previous);
        String successor = successorOf.get(earlier);
        if (successor != null && !successor.equals(item)) {
            throw CommandRejectedException.conflict("previousItemId", previous.planId() + " " + earlier
                    + (successor.equals(DROPPED) ? " is recorded as not continued" : " is continued by " + successor));
        }
        apply(new ItemContinued(planId, kind, command.itemId(), previous.planId(), command.previousItemId(), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(MarkItemNew command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        PlanItemKind kind = Require.present(command.kind(), "kind");
        ownItem(kind, command.itemId());
        apply(new ItemMarkedNew(planId, kind, command.itemId(), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(DropPreviousItem command, PlanLookup plans) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        PlanItemKind kind = Require.present(command.kind(), "kind");
        PlanItems previous = previousPlan(plans);
        String earlier = previousItem(kind, command.previousItemId(), previous);
        String successor = successorOf.get(earlier);
        if (successor != null) {
            throw CommandRejectedException.conflict("previousItemId", previous.planId() + " " + earlier
                    + (successor.equals(DROPPED) ? " is already recorded as not continued" : " is continued by " + successor));
        }
        apply(new PreviousItemDropped(planId, kind, previous.planId(), command.previousItemId(),
                Require.optionalText(command.reason(), "reason", 2000), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AdoptPlan command) {
        if (status == PlanStatus.FASTSTALLD) {
            throw CommandRejectedException.conflict("status", planId + " is already fastställd by " + adoptedBy);
        }
        Beslut beslut = Require.present(command.beslut(), "beslut");
        apply(new PlanAdopted(planId, beslut));
        return Aggregates.currentVersion();
    }

    private Beslut changeAllowed(Beslut revisionBeslut) {
        return Revisions.check(planId, adoptedBy, revisionBeslut);
    }

    /** What other aggregates may know of a plan: which goals, uppdrag and styrtal it holds. */
    public record PlanItems(String planId, String namndCode, int year, Set<String> goals, Set<String> uppdrag,
                            Set<String> styrtal) {

        public Set<String> of(PlanItemKind kind) {
            return switch (kind) {
                case GOAL -> goals;
                case STYRTAL -> styrtal;
                case UPPDRAG -> uppdrag;
            };
        }
    }

    /** Continuity links only within one nämnd, one year back: the plan of the same nämnd for the year before. */
    private PlanItems previousPlan(PlanLookup plans) {
        String previousPlanId = planId(namndCode, year - 1);
        return plans.plan(previousPlanId).orElseThrow(() -> CommandRejectedException.unknown("previousItemId",
                "there is no plan " + previousPlanId + " to continue from"));
    }

    /** @return the continuity key of an item of this plan that may carry a link */
    private String ownItem(PlanItemKind kind, String itemId) {
        requireKnown(items().of(kind), itemId, "itemId", kind.name().toLowerCase(java.util.Locale.ROOT));
        requireNotRf(kind, itemId, "itemId");
        return continuityKey(kind, itemId);
    }

    /** @return the continuity key of an item of the plan of the year before */
    private static String previousItem(PlanItemKind kind, String itemId, PlanItems previous) {
        if (itemId == null || !previous.of(kind).contains(itemId)) {
            throw CommandRejectedException.unknown("previousItemId",
                    "no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + itemId + " in " + previous.planId());
        }
        requireNotRf(kind, itemId, "previousItemId");
        return continuityKey(kind, itemId);
    }

    /** An RF uppdrag's continuity is region-wide, recorded once when it is issued, not per plan. */
    private static void requireNotRf(PlanItemKind kind, String itemId, String field) {
        if (kind == PlanItemKind.UPPDRAG && itemId.startsWith("RF-")) {
            throw CommandRejectedException.invalid(field, itemId + " is an RF uppdrag: its continuity is recorded "
                    + "region-wide when it is issued (continuesFrom)");
        }
    }

    private static String continuityKey(PlanItemKind kind, String itemId) {
        return kind + ":" + itemId;
    }

    public PlanItems items() {
        return new PlanItems(planId, namndCode, year, Set.copyOf(goals), Set.copyOf(uppdrag), Set.copyOf(styrtal));
    }

    private static String newId(String requested, String field, Set<String> existing) {
        String id = requested == null ? java.util.UUID.randomUUID().toString() : Require.id(requested, field);
        if (existing.contains(id)) {
            throw CommandRejectedException.conflict(field, field + " " + id + " is already used in this plan");
        }
        return id;
    }

    private void requireKnown(Set<String> known, String id, String field, String what) {
        if (id == null || !known.contains(id)) {
            throw CommandRejectedException.unknown(field, "no " + what + " " + id + " in " + planId);
        }
    }

    private static StyrtalContent validContent(StyrtalContent content) {
        Require.present(content, "content");
        Require.text(content.text(), "text", 2000);
        Require.optionalText(content.numbering(), "numbering", 20);
        Require.optionalText(content.unit(), "unit", 40);
        Set<String> labels = new HashSet<>();
        for (Breakdown breakdown : content.breakdowns()) {
            Require.present(breakdown.dimension(), "breakdowns.dimension");
            if (!labels.add(Require.text(breakdown.label(), "breakdowns.label", 200))) {
                throw CommandRejectedException.invalid("breakdowns.label", "breakdown " + breakdown.label() + " is given twice");
            }
        }
        return content;
    }

    /** A line's cells as printed, or as numbers where no printed form is given: at least one of the two. */
    private static Amounts.Cells cells(Map<String, BigDecimal> amounts, Map<String, Varde> printed,
                                       Set<String> columns) {
        if (amounts == null && printed == null) {
            throw CommandRejectedException.invalid("printed", "printed (the cells as printed) or amounts is required");
        }
        return Amounts.mnkr(amounts, printed, columns, "amounts", "printed");
    }


    @EventSourcingHandler
    void on(PlanCreated event) {
        planId = event.planId();
        namndCode = event.namndCode();
        year = event.year();
        status = PlanStatus.UTKAST;
    }

    @EventSourcingHandler
    void on(GoalAdded event) {
        goals.add(event.goalId());
    }

    @EventSourcingHandler
    void on(StyrtalAdded event) {
        styrtal.add(event.styrtalId());
    }

    @EventSourcingHandler
    void on(RfUppdragReceived event) {
        uppdrag.add(event.rfUppdragId());
    }

    @EventSourcingHandler
    void on(UppdragAdded event) {
        uppdrag.add(event.uppdragId());
    }

    @EventSourcingHandler
    void on(AktivitetAdded event) {
        aktiviteter.add(event.aktivitetId());
    }

    @EventSourcingHandler
    void on(BudgetTableAdded event) {
        Set<String> keys = new HashSet<>();
        event.columns().forEach(c -> keys.add(c.key()));
        budgetColumnsByTable.put(event.tableId(), keys);
    }

    @EventSourcingHandler
    void on(BudgetLineAdded event) {
        tableOfLine.put(event.lineId(), event.tableId());
        linesInTable.merge(event.tableId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(BudgetLineRevised event) {
        if (event.budgetVersion() == budgetRevisionBeslut.size() + 2) {
            budgetRevisionBeslut.add(event.revisionBeslut());
        }
    }

    @EventSourcingHandler
    void on(ItemContinued event) {
        String item = continuityKey(event.kind(), event.itemId());
        forgetContinuity(item, continues.put(item, continuityKey(event.kind(), event.previousItemId())));
        successorOf.put(continuityKey(event.kind(), event.previousItemId()), item);
    }

    @EventSourcingHandler
    void on(ItemMarkedNew event) {
        String item = continuityKey(event.kind(), event.itemId());
        forgetContinuity(item, continues.put(item, NEW));
    }

    /** A new statement about an item replaces the earlier one: the item it continued is free again. */
    private void forgetContinuity(String item, String earlier) {
        if (earlier != null && !earlier.equals(NEW) && item.equals(successorOf.get(earlier))) {
            successorOf.remove(earlier);
        }
    }

    @EventSourcingHandler
    void on(PreviousItemDropped event) {
        successorOf.put(continuityKey(event.kind(), event.previousItemId()), DROPPED);
    }

    @EventSourcingHandler
    void on(PlanAdopted event) {
        status = PlanStatus.FASTSTALLD;
        adoptedBy = event.beslut();
    }
}
