package se.uppfoljningsliggaren.query.plan;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.GetPlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.GoalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.StyrtalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.UppdragNode;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.*;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Compares a nämnd's plan with the year before, matching items by identity rather than by number. */
@Component
class YearOverYearHandler {

    private final QueryGateway queries;

    YearOverYearHandler(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryHandler
    Optional<Comparison> handle(GetYearOverYear query) {
        Optional<PlanView> current = plan(query.namnd() + "-" + query.year(), query.asOf());
        Optional<PlanView> previous = plan(query.namnd() + "-" + (query.year() - 1), query.asOf());
        if (current.isEmpty() || previous.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(query.namnd(), query.year(), query.year() - 1,
                goals(flatten(previous.get().goals()), flatten(current.get().goals())),
                styrtal(previous.get(), current.get()), uppdrag(previous.get(), current.get()),
                FigureTableComparison.compare(previous.get().figureTables(), current.get().figureTables())));
    }

    private Optional<PlanView> plan(String planId, java.time.Instant asOf) {
        return queries.query(new GetPlanView(planId, asOf), ResponseTypes.optionalInstanceOf(PlanView.class))
                .join();
    }

    private static List<GoalNode> flatten(List<GoalNode> goals) {
        List<GoalNode> all = new ArrayList<>();
        for (GoalNode goal : goals) {
            all.add(goal);
            all.addAll(flatten(goal.children()));
        }
        return all;
    }

    private static List<GoalComparison> goals(List<GoalNode> previous, List<GoalNode> current) {
        List<GoalComparison> result = new ArrayList<>();
        Set<GoalNode> matched = new HashSet<>();
        for (GoalNode now : current) {
            GoalNode before = null;
            String matchedBy = null;
            int best = 0;
            for (GoalNode candidate : previous) {
                int shared = sharedIndikatorer(candidate, now);
                if (!matched.contains(candidate) && shared > best) {
                    best = shared;
                    before = candidate;
                    matchedBy = "indikatorer";
                }
            }
            if (before == null) {
                before = previous.stream().filter(p -> !matched.contains(p) && p.kind() == now.kind()
                        && normalised(p.title()).equals(normalised(now.title()))).findFirst().orElse(null);
                matchedBy = before == null ? null : "title";
            }
            if (before == null) {
                result.add(new GoalComparison(Change.ADDED, now.kind(), null, side(now), null, List.of()));
                continue;
            }
            matched.add(before);
            List<String> changes = new ArrayList<>();
            if (!Objects.equals(before.numbering(), now.numbering())) {
                changes.add("numbering");
            }
            if (!normalised(before.title()).equals(normalised(now.title()))) {
                changes.add("title");
            }
            Change change = changes.isEmpty() ? Change.UNCHANGED
                    : changes.contains("numbering") ? Change.RENUMBERED : Change.CHANGED;
            result.add(new GoalComparison(change, now.kind(), side(before), side(now), matchedBy, changes));
        }
        previous.stream().filter(p -> !matched.contains(p)).forEach(p ->
                result.add(new GoalComparison(Change.REMOVED, p.kind(), side(p), null, null, List.of())));
        return result;
    }

    private static int sharedIndikatorer(GoalNode a, GoalNode b) {
        Set<String> ids = new HashSet<>();
        a.styrtal().forEach(s -> ids.add(s.indikatorId()));
        return (int) b.styrtal().stream().filter(s -> ids.contains(s.indikatorId())).count();
    }

    private static List<StyrtalComparison> styrtal(PlanView previous, PlanView current) {
        Map<String, StyrtalSideWithName> before = styrtalByIndikator(previous);
        Map<String, StyrtalSideWithName> now = styrtalByIndikator(current);
        List<StyrtalComparison> result = new ArrayList<>();
        now.forEach((indikatorId, side) -> {
            StyrtalSideWithName old = before.get(indikatorId);
            if (old == null) {
                result.add(new StyrtalComparison(Change.ADDED, indikatorId, side.name(), null, side.side(), List.of()));
                return;
            }
            List<String> changes = new ArrayList<>();
            compare(changes, "numbering", old.side().numbering(), side.side().numbering());
            compare(changes, "goalNumbering", old.side().goalNumbering(), side.side().goalNumbering());
            compare(changes, "arsMalvarde", written(old.side().arsMalvarde()), written(side.side().arsMalvarde()));
            compare(changes, "langsiktigtMalvarde", written(old.side().langsiktigtMalvarde()),
                    written(side.side().langsiktigtMalvarde()));
            compare(changes, "senastKanda", written(old.side().senastKanda()), written(side.side().senastKanda()));
            Change change = changes.isEmpty() ? Change.UNCHANGED
                    : changes.stream().allMatch(c -> c.contains("umbering")) ? Change.RENUMBERED : Change.CHANGED;
            result.add(new StyrtalComparison(change, indikatorId, side.name(), old.side(), side.side(), changes));
        });
        before.forEach((indikatorId, old) -> {
            if (!now.containsKey(indikatorId)) {
                result.add(new StyrtalComparison(Change.REMOVED, indikatorId, old.name(), old.side(), null, List.of()));
            }
        });
        return result;
    }

    private record StyrtalSideWithName(String name, StyrtalSide side) {
    }

    private static Map<String, StyrtalSideWithName> styrtalByIndikator(PlanView plan) {
        Map<String, StyrtalSideWithName> byIndikator = new LinkedHashMap<>();
        for (GoalNode goal : flatten(plan.goals())) {
            for (StyrtalNode s : goal.styrtal()) {
                byIndikator.putIfAbsent(s.indikatorId(), new StyrtalSideWithName(s.indikatorName(), new StyrtalSide(
                        s.styrtalId(), goal.numbering(), s.numbering(), s.text(),
                        s.senastKanda() == null ? null : s.senastKanda().value(), s.arsMalvarde(),
                        s.langsiktigtMalvarde())));
            }
        }
        return byIndikator;
    }

    /** RF uppdrag follow their continues-from link; the nämnd's own by the continues-from key. */
    private static List<UppdragComparison> uppdrag(PlanView previous, PlanView current) {
        Map<String, UppdragNode> before = new LinkedHashMap<>();
        allUppdrag(previous).forEach(u -> before.put(u.uppdragId(), u));
        List<UppdragComparison> result = new ArrayList<>();
        Set<String> continued = new HashSet<>();
        for (UppdragNode now : allUppdrag(current)) {
            UppdragNode old = now.continuesFrom() == null ? null : before.get(continuedId(now.continuesFrom()));
            if (old == null) {
                result.add(new UppdragComparison(Change.ADDED, null, side(now)));
                continue;
            }
            continued.add(old.uppdragId());
            Change change = !Objects.equals(old.numbering(), now.numbering()) ? Change.RENUMBERED
                    : Objects.equals(old.text(), now.text()) ? Change.UNCHANGED : Change.CHANGED;
            result.add(new UppdragComparison(change, side(old), side(now)));
        }
        before.values().stream().filter(u -> !continued.contains(u.uppdragId()))
                .forEach(u -> result.add(new UppdragComparison(Change.REMOVED, side(u), null)));
        return result;
    }

    /** "RS-2025:m9-u2" names an uppdrag of another plan by plan and id; an RF uppdrag id stands alone. */
    private static String continuedId(String continuesFrom) {
        int colon = continuesFrom.indexOf(':');
        return colon < 0 ? continuesFrom : continuesFrom.substring(colon + 1);
    }

    private static List<UppdragNode> allUppdrag(PlanView plan) {
        List<UppdragNode> all = new ArrayList<>(plan.uppdragOutsideGoals());
        flatten(plan.goals()).forEach(g -> all.addAll(g.uppdrag()));
        return all;
    }

    private static GoalSide side(GoalNode goal) {
        return new GoalSide(goal.goalId(), goal.numbering(), goal.title());
    }

    private static UppdragSide side(UppdragNode uppdrag) {
        return new UppdragSide(uppdrag.uppdragId(), uppdrag.numbering(), uppdrag.text());
    }

    private static void compare(List<String> changes, String field, String before, String now) {
        if (!Objects.equals(before, now)) {
            changes.add(field);
        }
    }

    private static String written(Varde value) {
        return value == null ? null : value.written();
    }

    private static String normalised(String title) {
        return title.toLowerCase(new Locale("sv", "SE")).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
