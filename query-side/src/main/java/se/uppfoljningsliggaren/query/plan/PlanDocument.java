package se.uppfoljningsliggaren.query.plan;

import se.uppfoljningsliggaren.kernel.plan.*;
import se.uppfoljningsliggaren.kernel.value.*;
import se.uppfoljningsliggaren.query.FigureTableEntry;

import se.uppfoljningsliggaren.kernel.query.PlanViews.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Comparator;

/**
 * The stored read-model document of one plan: flat maps of its items in the order they were added. The query
 * handler turns it into the tree users see. Applying an event is the only way it changes.
 */
public class PlanDocument {

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
    LinkedHashMap<String, FigureTableEntry> figureTables = new LinkedHashMap<>();
    List<RevisionEntry> revisions = new ArrayList<>();
    /** The recorded continuity of each item ("KIND:id"), the latest statement about it. */
    LinkedHashMap<String, Continuity> continuity = new LinkedHashMap<>();
    /** Items of the year before's plan recorded as not continued ("KIND:id"). */
    LinkedHashMap<String, Dropped> dropped = new LinkedHashMap<>();
    /** Where each item comes from: the provenance of the write that last set it, by its audit-trail key. */
    TreeMap<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance = new TreeMap<>();

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

    record BudgetTable(long addedIn, String tableId, BudgetKind kind, String title, List<BudgetColumn> columns, List<String> notes) {
    }

    /** {@code printed}: the cells as printed, null while none was recorded (events before printed forms were kept). */
    record BudgetLine(String lineId, String tableId, String parentLineId, String label, int position,
                      Map<String, BigDecimal> amounts, Map<String, Varde> printed,
                      Map<String, BigDecimal> beslutadAmounts, Map<String, Varde> beslutadPrinted) {

        /** A revision replaces the cells it gives, each with its amount and printed form (or their absence). */
        BudgetLine revised(BudgetLineRevised revision, boolean faststalld) {
            Map<String, BigDecimal> newAmounts = new LinkedHashMap<>(amounts);
            Map<String, Varde> newPrinted = printed == null && revision.printed() == null ? null
                    : new LinkedHashMap<>(printed == null ? Map.of() : printed);
            Set<String> columns = new LinkedHashSet<>(revision.amounts().keySet());
            if (revision.printed() != null) {
                columns.addAll(revision.printed().keySet());
            }
            for (String column : columns) {
                put(newAmounts, column, revision.amounts().get(column));
                if (newPrinted != null) {
                    put(newPrinted, column, revision.printed() == null ? null : revision.printed().get(column));
                }
            }
            return new BudgetLine(lineId, tableId, parentLineId, label, position, newAmounts, newPrinted,
                    faststalld ? beslutadAmounts : newAmounts, faststalld ? beslutadPrinted : newPrinted);
        }

        private static <V> void put(Map<String, V> cells, String column, V value) {
            if (value == null) {
                cells.remove(column);
            } else {
                cells.put(column, value);
            }
        }
    }

    /** {@code previousItemId} null: the item was said to be new. */
    record Continuity(long recordedIn, PlanItemKind kind, String itemId, String previousPlanId,
                      String previousItemId) {
    }

    record Dropped(long recordedIn, PlanItemKind kind, String previousPlanId, String previousItemId, String reason) {
    }

    record RevisionEntry(long version, String eventType, String itemId, Beslut beslut, String principal, Instant at) {
    }

    public static PlanDocument create(PlanCreated event) {
        PlanDocument document = new PlanDocument();
        document.planId = event.planId();
        document.namndCode = event.namndCode();
        document.year = event.year();
        document.title = event.title();
        document.planningYears = event.planningYears();
        document.status = PlanStatus.UTKAST;
        return document;
    }

    public void apply(PlanEvent event, long version, String principal, Instant at) {
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
            budgetTables.put(e.tableId(), new BudgetTable(version, e.tableId(), e.kind(), e.title(), e.columns(),
                    e.notes() == null ? List.of() : e.notes()));
            revised(version, e, e.tableId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof BudgetLineAdded e) {
            boolean faststalld = status == PlanStatus.FASTSTALLD;
            budgetLines.put(e.lineId(), new BudgetLine(e.lineId(), e.tableId(), e.parentLineId(), e.label(), e.position(),
                    e.amounts(), e.printed(), faststalld ? null : e.amounts(), faststalld ? null : e.printed()));
            revised(version, e, e.lineId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof BudgetLineRevised e) {
            budgetLines.put(e.lineId(), budgetLines.get(e.lineId()).revised(e, status == PlanStatus.FASTSTALLD));
            if (status == PlanStatus.FASTSTALLD) {
                budgetVersion = e.budgetVersion();
                budgetVersionBeslut = e.revisionBeslut();
            }
            revised(version, e, e.lineId(), e.revisionBeslut(), principal, at);
        } else if (event instanceof FigureTableRecorded e) {
            FigureTableEntry.record(figureTables, version, e.tableId(), e.table(), e.revisionBeslut());
            revised(version, e, e.tableId(), e.revisionBeslut(), principal, at);
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

    /** The RF uppdrag the plan received, whose texts the view shows from the region-wide catalogue. */
    public List<String> rfUppdragIds() {
        return uppdrag.values().stream().filter(u -> u.source() == UppdragSource.RF).map(Uppdrag::uppdragId).toList();
    }

    /**
     * The view users read: the flat maps turned into the goal tree, in the order items were added. Pure: the RF
     * uppdrag texts and indikator names are looked up by the caller.
     */
    public PlanView view(long version, Instant lastChangedAt, String namndName, Map<String, RfUppdragView> rf,
                         Map<String, String> indikatorNames) {
        PlanTree tree = new PlanTree(this, rf, indikatorNames);
        return new PlanView(planId, namndCode, namndName, year, title, planningYears, status, adoptedBy, version,
                lastChangedAt, tree.goals(null), tree.uppdrag(null), tree.budget(), revisions.stream()
                .map(r -> new Revision(r.version(), r.eventType(), r.itemId(), r.beslut(), r.principal(), r.at()))
                .toList(), se.uppfoljningsliggaren.query.FigureTableEntry.views(figureTables), continuity(), provenance);
    }

    /** In the order recorded; the previous plan is always the same nämnd's of the year before. */
    private PlanContinuity continuity() {
        return new PlanContinuity(namndCode + "-" + (year - 1), continuity.values().stream()
                .sorted(java.util.Comparator.comparingLong(Continuity::recordedIn))
                .map(c -> new ContinuityLink(c.kind(), c.itemId(), c.previousItemId(), c.previousItemId() == null))
                .toList(), dropped.values().stream()
                .sorted(java.util.Comparator.comparingLong(Dropped::recordedIn))
                .map(d -> new DroppedItem(d.kind(), d.previousItemId(), d.reason())).toList());
    }

    /** Turns the flat document into the tree users read, in the order items were added. */
    private record PlanTree(PlanDocument document, Map<String, RfUppdragView> rf, Map<String, String> indikatorNames) {

        List<GoalNode> goals(String parentGoalId) {
            return document.goals.values().stream()
                    .filter(g -> java.util.Objects.equals(g.parentGoalId(), parentGoalId))
                    .sorted(Comparator.comparingLong(PlanDocument.Goal::addedIn))
                    .map(g -> new GoalNode(g.goalId(), g.kind(), g.origin(), g.numbering(), g.title(), g.description(),
                            styrtal(g.goalId()), uppdrag(g.goalId()), aktiviteter(g.goalId(), null), goals(g.goalId()),
                            g.revisedBy()))
                    .toList();
        }

        List<StyrtalNode> styrtal(String goalId) {
            return document.styrtal.values().stream().filter(s -> s.goalId().equals(goalId))
                    .sorted(Comparator.comparingLong(PlanDocument.Styrtal::addedIn)).map(s -> {
                StyrtalContent c = s.content();
                return new StyrtalNode(s.styrtalId(), s.indikatorId(), indikatorNames.get(s.indikatorId()), c.numbering(),
                        c.text(), c.unit(), c.direction(), c.senastKanda(), c.arsMalvarde(), c.langsiktigtMalvarde(),
                        c.breakdowns(), s.revisedBy());
            }).toList();
        }

        List<UppdragNode> uppdrag(String goalId) {
            return document.uppdrag.values().stream()
                    .filter(u -> java.util.Objects.equals(u.goalId(), goalId))
                    .sorted(Comparator.comparingLong(PlanDocument.Uppdrag::addedIn))
                    .map(u -> {
                        RfUppdragView region = u.source() == UppdragSource.RF ? rf.get(u.uppdragId()) : null;
                        return region == null
                                ? new UppdragNode(u.uppdragId(), u.source(), null, u.numbering(), u.text(), u.assignee(),
                                u.continuesFrom(), aktiviteter(null, u.uppdragId()))
                                : new UppdragNode(u.uppdragId(), u.source(), region.year(), "Nr " + region.nr(),
                                region.text(), null, region.continuesFrom(), aktiviteter(null, u.uppdragId()));
                    }).toList();
        }

        List<AktivitetNode> aktiviteter(String goalId, String uppdragId) {
            return document.aktiviteter.values().stream()
                    .filter(a -> goalId != null ? goalId.equals(a.goalId()) : uppdragId.equals(a.uppdragId()))
                    .sorted(Comparator.comparingLong(PlanDocument.Aktivitet::addedIn))
                    .map(a -> new AktivitetNode(a.aktivitetId(), a.text())).toList();
        }

        BudgetView budget() {
            String versionName = switch (document.status) {
                case UTKAST -> "utkast";
                case FASTSTALLD -> document.budgetVersion <= 1 ? "beslutad" : "aktuell";
            };
            Map<String, List<PlanDocument.BudgetLine>> linesByTable = document.budgetLines.values().stream()
                    .collect(Collectors.groupingBy(PlanDocument.BudgetLine::tableId));
            List<BudgetTableView> tables = document.budgetTables.values().stream()
                    .sorted(Comparator.comparingLong(PlanDocument.BudgetTable::addedIn)).map(t -> {
                List<PlanDocument.BudgetLine> lines = new ArrayList<>(linesByTable.getOrDefault(t.tableId(), List.of()));
                // by position, two lines at one position by id: never in the stored map's order
                lines.sort(Comparator.comparingInt(PlanDocument.BudgetLine::position)
                        .thenComparing(PlanDocument.BudgetLine::lineId));
                Map<String, PlanDocument.BudgetLine> byId = lines.stream()
                        .collect(Collectors.toMap(PlanDocument.BudgetLine::lineId, l -> l));
                return new BudgetTableView(t.tableId(), t.kind(), t.title(), t.columns(),
                        t.notes() == null ? List.of() : t.notes(), lines.stream()
                        .map(l -> {
                            boolean asBeslutad = java.util.Objects.equals(l.amounts(), l.beslutadAmounts())
                                    && java.util.Objects.equals(l.printed(), l.beslutadPrinted());
                            return new BudgetLineView(l.lineId(), l.parentLineId(), depth(l, byId), l.label(),
                                    l.amounts(), l.printed(), asBeslutad ? null : l.beslutadAmounts(),
                                    asBeslutad ? null : l.beslutadPrinted());
                        })
                        .toList());
            }).toList();
            return new BudgetView(document.budgetVersion, versionName, document.budgetVersionBeslut, tables);
        }

        private static int depth(PlanDocument.BudgetLine line, Map<String, PlanDocument.BudgetLine> byId) {
            int depth = 0;
            for (String parent = line.parentLineId(); parent != null && byId.containsKey(parent);
                 parent = byId.get(parent).parentLineId()) {
                depth++;
            }
            return depth;
        }
    }
}
