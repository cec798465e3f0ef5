package se.uppfoljningsliggaren.query.plan;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.query.PlanViews.ContinuityLink;
import se.uppfoljningsliggaren.kernel.query.PlanViews.DroppedItem;
import se.uppfoljningsliggaren.kernel.query.PlanViews.GoalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanContinuity;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.StyrtalNode;
import se.uppfoljningsliggaren.kernel.query.PlanViews.UppdragNode;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.Change;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.Comparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.GoalComparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.StyrtalComparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.UppdragComparison;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.PlanStatus;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Year-over-year compares only what the later plan records of its continuity; nothing is matched by likeness. */
class YearOverYearComparisonTest {

    private static final PlanView PLAN_2025 = plan(2025, List.of(
            goal("g1", "5", "Forskning av hög kvalitet.", List.of(
                    styrtal("s1", "forskning", "Egenfinansierad forskning, plats bland regionerna.", "3"),
                    styrtal("s2", "forskning", "Egenfinansierad forskning, plats i Östra Mellansverige.", "2")),
                    List.of(uppdrag("u1", UppdragSource.NAMND, "Att införa ett verktyg.", null),
                            uppdrag("RF-2025-39", UppdragSource.RF, "Att stärka forskningen.", null))),
            goal("g2", "8", "Kompetensförsörjningen är långsiktig.", List.of(), List.of())), none());

    @Test
    void a_renumbered_goal_is_one_pair_because_the_link_says_so() {
        Comparison comparison = compare(links(link(PlanItemKind.GOAL, "g1", "g1")));

        GoalComparison forskning = comparison.goals().get(0);
        assertThat(forskning.change()).isEqualTo(Change.RENUMBERED);
        assertThat(forskning.previous().numbering()).isEqualTo("5");
        assertThat(forskning.current().numbering()).isEqualTo("6");
        assertThat(forskning.changes()).containsExactly("numbering");
    }

    @Test
    void an_item_without_a_link_is_unlinked_on_both_sides_even_with_the_same_title() {
        Comparison comparison = compare(none());

        assertThat(comparison.goals()).extracting(GoalComparison::change).containsOnly(Change.UNLINKED);
        assertThat(comparison.goals()).filteredOn(g -> g.current() != null).hasSize(3);
        assertThat(comparison.goals()).filteredOn(g -> g.previous() != null).hasSize(2);
    }

    @Test
    void two_styrtal_on_one_indikator_are_two_rows_one_continued_one_dropped() {
        Comparison comparison = compare(new PlanContinuity("X-2025",
                List.of(new ContinuityLink(PlanItemKind.STYRTAL, "s1", "s1", false)),
                List.of(new DroppedItem(PlanItemKind.STYRTAL, "s2", "only the ranking among the regions is kept"))));

        assertThat(comparison.styrtal()).hasSize(2);
        StyrtalComparison kept = comparison.styrtal().get(0);
        assertThat(kept.change()).isEqualTo(Change.CHANGED);
        assertThat(kept.changes()).containsExactly("goalNumbering", "arsMalvarde");
        assertThat(kept.previous().indikatorId()).isEqualTo(kept.current().indikatorId()).isEqualTo("forskning");
        StyrtalComparison dropped = comparison.styrtal().get(1);
        assertThat(dropped.change()).isEqualTo(Change.DROPPED);
        assertThat(dropped.previous().styrtalId()).isEqualTo("s2");
        assertThat(dropped.current()).isNull();
        assertThat(dropped.reason()).isEqualTo("only the ranking among the regions is kept");
    }

    @Test
    void an_item_said_to_be_new_is_new_and_not_merely_unlinked() {
        Comparison comparison = compare(new PlanContinuity("X-2025",
                List.of(new ContinuityLink(PlanItemKind.GOAL, "g3", null, true)), List.of()));

        GoalComparison digital = comparison.goals().stream().filter(g -> g.current() != null
                && g.current().goalId().equals("g3")).findFirst().orElseThrow();
        assertThat(digital.change()).isEqualTo(Change.NEW);
        assertThat(digital.previous()).isNull();
    }

    @Test
    void own_uppdrag_by_the_plans_link_rf_uppdrag_by_the_region_wide_one() {
        Comparison comparison = compare(links(link(PlanItemKind.UPPDRAG, "u7", "u1")));

        assertThat(comparison.uppdrag()).extracting(u -> u.change() + " " + u.linkedIn() + " "
                        + (u.previous() == null ? "-" : u.previous().uppdragId()) + " "
                        + (u.current() == null ? "-" : u.current().uppdragId()))
                .containsExactly("CHANGED plan u1 u7", "UNCHANGED catalogue RF-2025-39 RF-2026-42");
        UppdragComparison own = comparison.uppdrag().get(0);
        assertThat(own.changes()).containsExactly("text");
    }

    private static Comparison compare(PlanContinuity continuity) {
        PlanView plan2026 = plan(2026, List.of(
                goal("g1", "6", "Forskning av hög kvalitet.", List.of(
                        new StyrtalNode("s1", "forskning", "Forskning", null,
                                "Egenfinansierad forskning, plats bland regionerna.", null, null, null,
                                VardeParser.parse("2"), null, List.of(), null)),
                        List.of(uppdrag("u7", UppdragSource.NAMND, "Att fortsätta arbetet med verktyget.", null),
                                uppdrag("RF-2026-42", UppdragSource.RF, "Att stärka forskningen.", "RF-2025-39"))),
                goal("g2", "9", "En långsiktig kompetensförsörjning.", List.of(), List.of()),
                goal("g3", "7", "Digitala lösningar.", List.of(), List.of())), continuity);
        return YearOverYearComparison.of(PLAN_2025, plan2026);
    }

    private static PlanView plan(int year, List<GoalNode> goals, PlanContinuity continuity) {
        return new PlanView("X-" + year, "X", "Nämnden", year, "Plan " + year, List.of(), PlanStatus.UTKAST, null, 1,
                null, goals, List.of(), null, List.of(), continuity);
    }

    private static GoalNode goal(String id, String numbering, String title, List<StyrtalNode> styrtal,
                                 List<UppdragNode> uppdrag) {
        return new GoalNode(id, GoalKind.MALSATTNING, GoalOrigin.RF, numbering, title, null, styrtal, uppdrag,
                List.of(), List.of(), null);
    }

    private static StyrtalNode styrtal(String id, String indikatorId, String text, String arsMalvarde) {
        return new StyrtalNode(id, indikatorId, "Forskning", null, text, null, null, null,
                VardeParser.parse(arsMalvarde), null, List.of(), null);
    }

    private static UppdragNode uppdrag(String id, UppdragSource source, String text, String continuesFrom) {
        return new UppdragNode(id, source, source == UppdragSource.RF ? 2025 : null, null, text, null, continuesFrom,
                List.of());
    }

    private static PlanContinuity none() {
        return new PlanContinuity("X-2025", List.of(), List.of());
    }

    private static PlanContinuity links(ContinuityLink... links) {
        return new PlanContinuity("X-2025", List.of(links), List.of());
    }

    private static ContinuityLink link(PlanItemKind kind, String itemId, String previousItemId) {
        return new ContinuityLink(kind, itemId, previousItemId, false);
    }
}
