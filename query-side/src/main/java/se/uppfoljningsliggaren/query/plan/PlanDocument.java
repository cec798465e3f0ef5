package se.uppfoljningsliggaren.query.plan;

import se.uppfoljningsliggaren.kernel.plan.*;
import se.uppfoljningsliggaren.kernel.value.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored read-model document of one plan: flat maps of its items in the order they were added. The query
 * handler turns it into the tree users see. Applying an event is the only way it changes.
 */
class PlanDocument {

    String planId;
    String namndCode;
    int year;
    String title;
    List<Integer> planningYears;
    PlanStatus status;
    Beslut adoptedBy;
    int budgetVersion;
    Beslut budgetVersionBeslut;
    LinkedHashMap<String, Goal> goals = new LinkedHashMap<>();
    LinkedHashMap<String, Styrtal> styrtal = new LinkedHashMap<>();
    LinkedHashMap<String, Uppdrag> uppdrag = new LinkedHashMap<>();
    LinkedHashMap<String, Aktivitet> aktiviteter = new LinkedHashMap<>();
    LinkedHashMap<String, BudgetTable> budgetTables = new LinkedHashMap<>();
    LinkedHashMap<String, BudgetLine> budgetLines = new LinkedHashMap<>();
    List<RevisionEntry> revisions = new ArrayList<>();
    /** The recorded continuity of each item ("KIND:id"), the latest statement about it. */
    LinkedHashMap<String, Continuity> continuity = new LinkedHashMap<>();
    /** Items of the year before's plan recorded as not continued ("KIND:id"). */
    LinkedHashMap<String, Dropped> dropped = new LinkedHashMap<>();

    // Each item remembers the plan version that added it: jsonb does not keep map order, the tree does.
    record Goal(long addedIn, String goalId, String parentGoalId, GoalKind kind, GoalOrigin origin, String numbering, String title,
                String description, Beslut revisedBy) {
    }

    record Styrtal(long addedIn, String styrtalId, String goalId, String indikatorId, StyrtalContent content, Beslut revisedBy) {
    }

    /** Own uppdrag, or a received RF uppdrag (source RF, text resolved from the region-wide catalogue on read). */
    record Uppdrag(long addedIn, String uppdragId, String goalId, UppdragSource source, String numbering, String text,
                   String assignee, String continuesFrom) {
    }

    record Aktivitet(long addedIn, String aktivitetId, String goalId, String uppdragId, String text) {
    }

    record BudgetTable(String tableId, BudgetKind kind, String title, List<BudgetColumn> columns) {
    }

    record BudgetLine(String lineId, String tableId, String parentLineId, String label, int position,
                      Map<String, BigDecimal> amounts, Map<String, BigDecimal> beslutadAmounts) {
    }

    /** {@code previousItemId} null: the item was said to be new. */
    record Continuity(long recordedIn, PlanItemKind kind, String itemId, String previousPlanId,
                      String previousItemId) {
    }

    record Dropped(long recordedIn, PlanItemKind kind, String previousPlanId, String previousItemId, String reason) {
    }

    record RevisionEntry(long version, String eventType, String itemId, Beslut beslut, String principal, Instant at) {
    }

    static PlanDocument create(PlanCreated event) {
        PlanDocument document = new PlanDocument();
        document.planId = event.planId();
        document.namndCode = event.namndCode();
        document.year = event.year();
        document.title = event.title();
        document.planningYears = event.planningYears();
        document.status = PlanStatus.UTKAST;
        return document;
    }

    void apply(PlanEvent event, long version, String principal, Instant at) {
        if (event instanceof GoalAdded e) {
            goals.put(e.goalId(), new Goal(version, e.goalId(), e.parentGoalId(), e.kind(), e.origin(), e.numbering(), e.title(),
                    e.description(), e.revisionBeslut()));
            revised(version, e, e.goalId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof GoalRevised e) {
            Goal goal = goals.get(e.goalId());
            goals.put(e.goalId(), new Goal(goal.addedIn(), goal.goalId(), goal.parentGoalId(), goal.kind(), goal.origin(), e.numbering(),
                    e.title(), e.description(), e.revisionBeslut()));
            revised(version, e, e.goalId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof StyrtalAdded e) {
            styrtal.put(e.styrtalId(), new Styrtal(version, e.styrtalId(), e.goalId(), e.indikatorId(), e.content(),
                    e.revisionBeslut()));
            revised(version, e, e.styrtalId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof StyrtalRevised e) {
            Styrtal old = styrtal.get(e.styrtalId());
            styrtal.put(e.styrtalId(), new Styrtal(old.addedIn(), old.styrtalId(), old.goalId(), old.indikatorId(), e.content(),
                    e.revisionBeslut()));
            revised(version, e, e.styrtalId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof RfUppdragReceived e) {
            uppdrag.put(e.rfUppdragId(), new Uppdrag(version, e.rfUppdragId(), e.goalId(), UppdragSource.RF, null, null, null,
                    null));
            revised(version, e, e.rfUppdragId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof UppdragAdded e) {
            uppdrag.put(e.uppdragId(), new Uppdrag(version, e.uppdragId(), e.goalId(), e.source(), e.numbering(), e.text(),
                    e.assignee(), e.continuesFrom()));
            revised(version, e, e.uppdragId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof AktivitetAdded e) {
            aktiviteter.put(e.aktivitetId(), new Aktivitet(version, e.aktivitetId(), e.goalId(), e.uppdragId(), e.text()));
            revised(version, e, e.aktivitetId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof BudgetTableAdded e) {
            budgetTables.put(e.tableId(), new BudgetTable(e.tableId(), e.kind(), e.title(), e.columns()));
            revised(version, e, e.tableId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof BudgetLineAdded e) {
            budgetLines.put(e.lineId(), new BudgetLine(e.lineId(), e.tableId(), e.parentLineId(), e.label(), e.position(),
                    e.amounts(), status == PlanStatus.FASTSTALLD ? null : e.amounts()));
            revised(version, e, e.lineId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof BudgetLineRevised e) {
            BudgetLine old = budgetLines.get(e.lineId());
            Map<String, BigDecimal> amounts = new LinkedHashMap<>(old.amounts());
            amounts.putAll(e.amounts());
            budgetLines.put(e.lineId(), new BudgetLine(old.lineId(), old.tableId(), old.parentLineId(), old.label(),
                    old.position(), amounts, status == PlanStatus.FASTSTALLD ? old.beslutadAmounts() : amounts));
            if (status == PlanStatus.FASTSTALLD) {
                budgetVersion = e.budgetVersion();
                budgetVersionBeslut = e.revisionBeslut();
            }
            revised(version, e, e.lineId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof ItemContinued e) {
            continuity.put(e.kind() + ":" + e.itemId(), new Continuity(version, e.kind(), e.itemId(),
                    e.previousPlanId(), e.previousItemId()));
            revised(version, e, e.itemId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof ItemMarkedNew e) {
            continuity.put(e.kind() + ":" + e.itemId(), new Continuity(version, e.kind(), e.itemId(), null, null));
            revised(version, e, e.itemId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof PreviousItemDropped e) {
            dropped.put(e.kind() + ":" + e.previousItemId(), new Dropped(version, e.kind(), e.previousPlanId(),
                    e.previousItemId(), e.reason()));
            revised(version, e, e.previousItemId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof PlanAdopted e) {
            status = PlanStatus.FASTSTALLD;
            adoptedBy = e.beslut();
            budgetVersion = 1;
            budgetVersionBeslut = e.beslut();
        }
    }

    private void revised(long version, PlanEvent event, String itemId, Beslut beslut, String principal, Instant at) {
        if (beslut != null) {
            revisions.add(new RevisionEntry(version, event.getClass().getSimpleName(), itemId, beslut, principal, at));
        }
    }
}
