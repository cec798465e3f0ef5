package se.uppfoljningsliggaren.query.plan;

import se.uppfoljningsliggaren.kernel.query.PlanViews.GoalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanContinuity;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.UppdragNode;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.ContinuitySuggestion;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.ContinuitySuggestions;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.query.plan.PlanViewItems.PlacedStyrtal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Guesses which item of the year before an item continues, for a person to confirm by recording the link. Only for
 * items with no recorded continuity, and only towards earlier items nothing continues or drops yet.
 */
final class ContinuitySuggester {

    static final String METHOD = "Heuristic suggestions, not recorded: a goal by the indikatorer its styrtal share, "
            + "else by kind and title; a styrtal by its indikator; an own uppdrag by its text. Record a link to make "
            + "one a fact.";

    private ContinuitySuggester() {
    }

    static ContinuitySuggestions of(PlanView previous, PlanView current) {
        PlanContinuity recorded = current.continuity();
        Set<String> decided = new HashSet<>();
        Set<String> taken = new HashSet<>();
        recorded.links().forEach(l -> {
            decided.add(l.kind() + ":" + l.itemId());
            taken.add(l.kind() + ":" + l.previousItemId());
        });
        recorded.dropped().forEach(d -> taken.add(d.kind() + ":" + d.previousItemId()));
        List<ContinuitySuggestion> suggestions = new ArrayList<>();
        for (GoalNode now : PlanViewItems.goals(current)) {
            if (decided.contains(PlanItemKind.GOAL + ":" + now.goalId())) {
                continue;
            }
            GoalNode best = null;
            int shared = 0;
            for (GoalNode candidate : free(PlanViewItems.goals(previous), PlanItemKind.GOAL, GoalNode::goalId, taken)) {
                int count = sharedIndikatorer(candidate, now);
                if (count > shared) {
                    shared = count;
                    best = candidate;
                }
            }
            String basis = "indikatorer";
            if (best == null) {
                best = free(PlanViewItems.goals(previous), PlanItemKind.GOAL, GoalNode::goalId, taken).stream()
                        .filter(p -> p.kind() == now.kind() && normalised(p.title()).equals(normalised(now.title())))
                        .findFirst().orElse(null);
                basis = "title";
            }
            if (best != null) {
                taken.add(PlanItemKind.GOAL + ":" + best.goalId());
                suggestions.add(new ContinuitySuggestion(PlanItemKind.GOAL, now.goalId(), best.goalId(), basis));
            }
        }
        for (PlacedStyrtal now : PlanViewItems.styrtal(current)) {
            String id = now.styrtal().styrtalId();
            if (decided.contains(PlanItemKind.STYRTAL + ":" + id)) {
                continue;
            }
            free(PlanViewItems.styrtal(previous), PlanItemKind.STYRTAL, p -> p.styrtal().styrtalId(), taken).stream()
                    .filter(p -> p.styrtal().indikatorId().equals(now.styrtal().indikatorId())).findFirst()
                    .ifPresent(p -> {
                        taken.add(PlanItemKind.STYRTAL + ":" + p.styrtal().styrtalId());
                        suggestions.add(new ContinuitySuggestion(PlanItemKind.STYRTAL, id, p.styrtal().styrtalId(),
                                "indikator"));
                    });
        }
        for (UppdragNode now : ownUppdrag(current)) {
            if (decided.contains(PlanItemKind.UPPDRAG + ":" + now.uppdragId())) {
                continue;
            }
            free(ownUppdrag(previous), PlanItemKind.UPPDRAG, UppdragNode::uppdragId, taken).stream()
                    .filter(p -> normalised(p.text()).equals(normalised(now.text()))).findFirst()
                    .ifPresent(p -> {
                        taken.add(PlanItemKind.UPPDRAG + ":" + p.uppdragId());
                        suggestions.add(new ContinuitySuggestion(PlanItemKind.UPPDRAG, now.uppdragId(),
                                p.uppdragId(), "text"));
                    });
        }
        return new ContinuitySuggestions(current.planId(), previous.planId(), METHOD, suggestions);
    }

    private static <T> List<T> free(List<T> items, PlanItemKind kind, Function<T, String> id,
                                    Set<String> taken) {
        return items.stream().filter(item -> !taken.contains(kind + ":" + id.apply(item))).toList();
    }

    /** RF uppdrag continue by their region-wide link, so they are never suggested. */
    private static List<UppdragNode> ownUppdrag(PlanView plan) {
        return PlanViewItems.uppdrag(plan).stream().filter(u -> u.source() != UppdragSource.RF).toList();
    }

    private static int sharedIndikatorer(GoalNode a, GoalNode b) {
        Set<String> ids = new HashSet<>();
        a.styrtal().forEach(s -> ids.add(s.indikatorId()));
        return (int) b.styrtal().stream().filter(s -> ids.contains(s.indikatorId())).count();
    }

    private static String normalised(String text) {
        return text == null ? "" : text.toLowerCase(new Locale("sv", "SE")).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
