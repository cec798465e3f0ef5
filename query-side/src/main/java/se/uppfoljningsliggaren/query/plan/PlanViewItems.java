package se.uppfoljningsliggaren.query.plan;

import se.uppfoljningsliggaren.kernel.query.PlanViews.GoalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.StyrtalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.UppdragNode;

import java.util.ArrayList;
import java.util.List;

/** A plan view's items in tree order, flat, for comparing two plans. */
final class PlanViewItems {

    private PlanViewItems() {
    }

    /** A styrtal with the goal it stands under. */
    record PlacedStyrtal(GoalNode goal, StyrtalNode styrtal) {
    }

    static List<GoalNode> goals(PlanView plan) {
        return flatten(plan.goals());
    }

    private static List<GoalNode> flatten(List<GoalNode> goals) {
        List<GoalNode> all = new ArrayList<>();
        for (GoalNode goal : goals) {
            all.add(goal);
            all.addAll(flatten(goal.children()));
        }
        return all;
    }

    static List<PlacedStyrtal> styrtal(PlanView plan) {
        List<PlacedStyrtal> all = new ArrayList<>();
        goals(plan).forEach(goal -> goal.styrtal().forEach(s -> all.add(new PlacedStyrtal(goal, s))));
        return all;
    }

    static List<UppdragNode> uppdrag(PlanView plan) {
        List<UppdragNode> all = new ArrayList<>();
        goals(plan).forEach(g -> all.addAll(g.uppdrag()));
        all.addAll(plan.uppdragOutsideGoals());
        return all;
    }
}
