package se.uppfoljningsliggaren.query.plan;

import se.uppfoljningsliggaren.kernel.query.PlanViews.GoalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanContinuity;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.UppdragNode;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.*;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.query.plan.PlanViewItems.PlacedStyrtal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Year-over-year of two plans from recorded continuity only (see {@link Comparison}): a pure function of the two
 * views, so it answers the same for plans as they stand and as they stood at an instant.
 */
final class YearOverYearComparison {

    /** The differences that leave a linked pair merely renumbered. */
    private static final Set<String> NUMBERING = Set.of("numbering", "goalNumbering");

    private YearOverYearComparison() {
    }

    static Comparison of(PlanView previous, PlanView current) {
        PlanContinuity recorded = current.continuity();
        Map<String, String> rfLinks = new HashMap<>();
        PlanViewItems.uppdrag(current).stream().filter(u -> u.source() == UppdragSource.RF && u.continuesFrom() != null)
                .forEach(u -> rfLinks.put(u.uppdragId(), u.continuesFrom()));
        return new Comparison(current.namnd(), current.year(), previous.year(),
                rows(PlanViewItems.goals(previous), PlanViewItems.goals(current), GoalNode::goalId,
                        links(recorded, PlanItemKind.GOAL, Map.of()), dropped(recorded, PlanItemKind.GOAL), GOALS),
                rows(PlanViewItems.styrtal(previous), PlanViewItems.styrtal(current), p -> p.styrtal().styrtalId(),
                        links(recorded, PlanItemKind.STYRTAL, Map.of()), dropped(recorded, PlanItemKind.STYRTAL),
                        STYRTAL),
                rows(PlanViewItems.uppdrag(previous), PlanViewItems.uppdrag(current), UppdragNode::uppdragId,
                        links(recorded, PlanItemKind.UPPDRAG, rfLinks), dropped(recorded, PlanItemKind.UPPDRAG),
                        UPPDRAG),
                FigureTableComparison.compare(previous.figureTables(), current.figureTables()));
    }

    /** How the rows of one kind are made: a linked pair, or one item alone. */
    private interface Rows<T, R> {
        R pair(T before, T now, Change change, List<String> changes);

        List<String> changes(T before, T now);

        R alone(Change change, T before, T now, String reason);
    }

    /**
     * Current items in plan order, each beside what it continues (or new, or unlinked); then the previous plan's
     * items nothing continues, dropped or unlinked.
     *
     * @param continues per current item, the previous item it continues; a null value: said to be new
     */
    private static <T, R> List<R> rows(List<T> previous, List<T> current, Function<T, String> id,
                                       Map<String, String> continues, Map<String, String> dropped, Rows<T, R> rows) {
        Map<String, T> before = new LinkedHashMap<>();
        previous.forEach(item -> before.put(id.apply(item), item));
        Set<String> continued = new HashSet<>();
        List<R> result = new ArrayList<>();
        for (T now : current) {
            String itemId = id.apply(now);
            T old = before.get(continues.get(itemId));
            if (old != null) {
                continued.add(continues.get(itemId));
                List<String> changes = rows.changes(old, now);
                result.add(rows.pair(old, now, changeOf(changes), changes));
            } else {
                result.add(rows.alone(continues.containsKey(itemId) && continues.get(itemId) == null
                        ? Change.NEW : Change.UNLINKED, null, now, null));
            }
        }
        before.forEach((itemId, old) -> {
            if (!continued.contains(itemId)) {
                result.add(dropped.containsKey(itemId) ? rows.alone(Change.DROPPED, old, null, dropped.get(itemId))
                        : rows.alone(Change.UNLINKED, old, null, null));
            }
        });
        return result;
    }

    private static Map<String, String> links(PlanContinuity recorded, PlanItemKind kind, Map<String, String> more) {
        Map<String, String> links = new HashMap<>(more);
        recorded.links().stream().filter(l -> l.kind() == kind).forEach(l -> links.put(l.itemId(), l.previousItemId()));
        return links;
    }

    private static Map<String, String> dropped(PlanContinuity recorded, PlanItemKind kind) {
        Map<String, String> dropped = new HashMap<>();
        recorded.dropped().stream().filter(d -> d.kind() == kind).forEach(d -> dropped.put(d.previousItemId(), d.reason()));
        return dropped;
    }

    private static Change changeOf(List<String> changes) {
        return changes.isEmpty() ? Change.UNCHANGED
                : NUMBERING.containsAll(changes) ? Change.RENUMBERED : Change.CHANGED;
    }

    private static final Rows<GoalNode, GoalComparison> GOALS = new Rows<>() {
        public GoalComparison pair(GoalNode before, GoalNode now, Change change, List<String> changes) {
            return new GoalComparison(change, now.kind(), side(before), side(now), changes, null);
        }

        public List<String> changes(GoalNode before, GoalNode now) {
            return differing("numbering", before.numbering(), now.numbering(), "kind", before.kind(), now.kind(),
                    "title", before.title(), now.title());
        }

        public GoalComparison alone(Change change, GoalNode before, GoalNode now, String reason) {
            GoalNode item = now == null ? before : now;
            return new GoalComparison(change, item.kind(), side(before), side(now), List.of(), reason);
        }

        private GoalSide side(GoalNode goal) {
            return goal == null ? null : new GoalSide(goal.goalId(), goal.numbering(), goal.title());
        }
    };

    private static final Rows<PlacedStyrtal, StyrtalComparison> STYRTAL = new Rows<>() {
        public StyrtalComparison pair(PlacedStyrtal before, PlacedStyrtal now, Change change, List<String> changes) {
            return new StyrtalComparison(change, side(before), side(now), changes, null);
        }

        public List<String> changes(PlacedStyrtal b, PlacedStyrtal n) {
            return differing("numbering", b.styrtal().numbering(), n.styrtal().numbering(),
                    "goalNumbering", b.goal().numbering(), n.goal().numbering(),
                    "indikatorId", b.styrtal().indikatorId(), n.styrtal().indikatorId(),
                    "text", b.styrtal().text(), n.styrtal().text(),
                    "senastKanda", written(b.styrtal().senastKanda() == null ? null : b.styrtal().senastKanda().value()),
                    written(n.styrtal().senastKanda() == null ? null : n.styrtal().senastKanda().value()),
                    "arsMalvarde", written(b.styrtal().arsMalvarde()), written(n.styrtal().arsMalvarde()),
                    "langsiktigtMalvarde", written(b.styrtal().langsiktigtMalvarde()),
                    written(n.styrtal().langsiktigtMalvarde()));
        }

        public StyrtalComparison alone(Change change, PlacedStyrtal before, PlacedStyrtal now, String reason) {
            return new StyrtalComparison(change, side(before), side(now), List.of(), reason);
        }

        private StyrtalSide side(PlacedStyrtal placed) {
            if (placed == null) {
                return null;
            }
            var s = placed.styrtal();
            return new StyrtalSide(s.styrtalId(), s.indikatorId(), s.indikatorName(), placed.goal().numbering(),
                    s.numbering(), s.text(), s.senastKanda() == null ? null : s.senastKanda().value(),
                    s.arsMalvarde(), s.langsiktigtMalvarde());
        }
    };

    private static final Rows<UppdragNode, UppdragComparison> UPPDRAG = new Rows<>() {
        public UppdragComparison pair(UppdragNode before, UppdragNode now, Change change, List<String> changes) {
            return new UppdragComparison(change, side(before), side(now), changes,
                    now.source() == UppdragSource.RF ? "catalogue" : "plan", null);
        }

        public List<String> changes(UppdragNode before, UppdragNode now) {
            return differing("numbering", before.numbering(), now.numbering(), "text", before.text(), now.text());
        }

        public UppdragComparison alone(Change change, UppdragNode before, UppdragNode now, String reason) {
            return new UppdragComparison(change, side(before), side(now), List.of(), null, reason);
        }

        private UppdragSide side(UppdragNode uppdrag) {
            return uppdrag == null ? null : new UppdragSide(uppdrag.uppdragId(), uppdrag.numbering(), uppdrag.text());
        }
    };

    /** @param fieldsAndValues name, before, now; repeated */
    private static List<String> differing(Object... fieldsAndValues) {
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 3) {
            if (!Objects.equals(fieldsAndValues[i + 1], fieldsAndValues[i + 2])) {
                changes.add((String) fieldsAndValues[i]);
            }
        }
        return changes;
    }

    private static String written(Varde value) {
        return value == null ? null : value.written();
    }
}
