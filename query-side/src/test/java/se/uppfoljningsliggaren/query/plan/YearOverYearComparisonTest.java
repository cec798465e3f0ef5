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
import se.uppfoljningsliggaren.kernel.query.YearOverYear.ContinuitySuggestion;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.GoalComparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.StyrtalComparison;
import se.uppfoljningsliggaren.kernel.query.YearOverYear.UppdragComparison;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;
import se.uppfoljningsliggaren.kernel.value.PlanStatus;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.uppfoljningsliggaren.kernel.value.PlanItemKind.GOAL;
import static se.uppfoljningsliggaren.kernel.value.PlanItemKind.STYRTAL;
import static se.uppfoljningsliggaren.kernel.value.PlanItemKind.UPPDRAG;

/**
 * Year-over-year of RS 2026 against RS 2025 in small: the målsättningar are numbered differently, 2025 has two styrtal
 * on förtroende för vårdcentraler, and only what the 2026 plan records links the years.
 */
class YearOverYearComparisonTest {

    private static final String FORTROENDE = "fortroende-vardcentraler";

    private static final StyrtalNode HALSO_2025 = styrtal("s-halso", FORTROENDE, null,
            "Förtroende för hälso/vårdcentraler i sin region.", "Riket + 1 %");
    private static final StyrtalNode VC_2025 = styrtal("s-vc", FORTROENDE, null,
            "Förtroende för vårdcentraler i sin region.", "62 %");
    private static final StyrtalNode TELEFON_2025 = styrtal("s-tel", "telefon", null,
            "Telefontillgängligheten i primärvård.", "90 %");
    private static final StyrtalNode FORSKNING_2025 = styrtal("s-fo", "forskning", null, "Forskningsintensiv region.",
            "12 %");

    private static final PlanView RS_2025 = plan("RS-2025", 2025, List.of(
            goal("m1", "1", "Hälso- och sjukvården är god, säker och jämlik.",
                    List.of(TELEFON_2025, HALSO_2025, VC_2025), List.of(
                            uppdrag("RF-2025-39", UppdragSource.RF, "Nr 39", "Att utveckla…", null),
                            uppdrag("u-granskning", UppdragSource.NAMND, null, "Att granska vårdgivare.", null))),
            goal("m5", "5", "Forskning och utbildning av hög kvalitet.", List.of(FORSKNING_2025), List.of()),
            goal("m8", "8", "Kompetensförsörjningen är långsiktig.", List.of(), List.of())),
            continuity(List.of(), List.of()));

    private static PlanView rs2026(PlanContinuity continuity) {
        return plan("RS-2026", 2026, List.of(
                goal("m1", "1", "Hälso- och sjukvården är god, säker och jämlik.", List.of(
                        styrtal("s1", "telefon", "3 c.", "Telefontillgängligheten i primärvård.", "90 %"),
                        styrtal("s2", FORTROENDE, null, "Förtroende för hälso/vårdcentraler i sin region.",
                                "Riket + 1 %")), List.of(
                        uppdrag("RF-2026-42", UppdragSource.RF, "Nr 42", "Att utveckla…", "RF-2025-39"),
                        uppdrag("u-cykel", UppdragSource.NAMND, null, "Att revidera länets cykelplan.", null))),
                goal("m6", "6", "Forskning och utbildning av hög kvalitet.", List.of(
                        styrtal("s6", "forskning", "3.", "Forskningsintensiv region.", "15 %")), List.of()),
                goal("m9", "9", "En långsiktig och stark kompetensförsörjning.", List.of(), List.of())), continuity);
    }

    private static final PlanContinuity RECORDED = continuity(List.of(
            link(GOAL, "m1", "m1"), link(GOAL, "m6", "m5"),
            link(STYRTAL, "s1", "s-tel"), link(STYRTAL, "s2", "s-halso"), link(STYRTAL, "s6", "s-fo"),
            new ContinuityLink(UPPDRAG, "u-cykel", null, true)),
            List.of(new DroppedItem(UPPDRAG, "u-granskning", "Genomförd 2025")));

    @Test
    void a_goal_linked_to_one_of_another_number_is_renumbered_not_added_and_removed() {
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(RECORDED));

        GoalComparison forskning = goal(comparison, "m6");
        assertThat(forskning.change()).isEqualTo(Change.RENUMBERED);
        assertThat(forskning.previous().goalId()).isEqualTo("m5");
        assertThat(forskning.changes()).containsExactly("numbering");
        assertThat(goal(comparison, "m1").change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void goals_without_a_recorded_link_are_unlinked_on_both_sides_however_alike() {
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(RECORDED));

        assertThat(goal(comparison, "m9").change()).isEqualTo(Change.UNLINKED);
        assertThat(goal(comparison, "m9").previous()).isNull();
        GoalComparison earlier = comparison.goals().stream()
                .filter(g -> g.previous() != null && g.previous().goalId().equals("m8")).findFirst().orElseThrow();
        assertThat(earlier.change()).isEqualTo(Change.UNLINKED);
        assertThat(earlier.current()).isNull();
    }

    @Test
    void two_styrtal_on_one_indikator_are_two_rows_one_continued_one_unlinked() {
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(RECORDED));

        List<StyrtalComparison> fortroende = comparison.styrtal().stream()
                .filter(s -> FORTROENDE.equals((s.current() != null ? s.current() : s.previous()).indikatorId()))
                .toList();
        assertThat(fortroende).hasSize(2);
        assertThat(fortroende.get(0).change()).isEqualTo(Change.UNCHANGED);
        assertThat(fortroende.get(0).previous().styrtalId()).isEqualTo("s-halso");
        assertThat(fortroende.get(0).current().styrtalId()).isEqualTo("s2");
        assertThat(fortroende.get(1).change()).isEqualTo(Change.UNLINKED);
        assertThat(fortroende.get(1).previous().styrtalId()).isEqualTo("s-vc");
    }

    @Test
    void a_linked_styrtal_names_what_changed() {
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(RECORDED));

        StyrtalComparison telefon = styrtal(comparison, "s1");
        assertThat(telefon.change()).isEqualTo(Change.RENUMBERED);
        assertThat(telefon.changes()).containsExactly("numbering");
        StyrtalComparison forskning = styrtal(comparison, "s6");
        assertThat(forskning.change()).isEqualTo(Change.CHANGED);
        assertThat(forskning.changes()).containsExactly("numbering", "goalNumbering", "arsMalvarde");
    }

    @Test
    void uppdrag_new_dropped_and_rf_by_the_catalogues_link() {
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(RECORDED));

        UppdragComparison rf = uppdrag(comparison, "RF-2026-42");
        assertThat(rf.change()).isEqualTo(Change.RENUMBERED);
        assertThat(rf.previous().uppdragId()).isEqualTo("RF-2025-39");
        assertThat(rf.linkedIn()).isEqualTo("catalogue");
        assertThat(uppdrag(comparison, "u-cykel").change()).isEqualTo(Change.NEW);
        UppdragComparison dropped = comparison.uppdrag().stream()
                .filter(u -> u.previous() != null && u.previous().uppdragId().equals("u-granskning")).findFirst()
                .orElseThrow();
        assertThat(dropped.change()).isEqualTo(Change.DROPPED);
        assertThat(dropped.reason()).isEqualTo("Genomförd 2025");
    }

    @Test
    void with_nothing_recorded_nothing_is_matched() {
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(continuity(List.of(), List.of())));

        assertThat(comparison.goals()).extracting(GoalComparison::change).containsOnly(Change.UNLINKED);
        assertThat(comparison.styrtal()).extracting(StyrtalComparison::change).containsOnly(Change.UNLINKED);
        assertThat(comparison.goals()).hasSize(6);
        assertThat(comparison.styrtal()).hasSize(7);
        // the RF uppdrag still pair: their link is recorded region-wide
        assertThat(uppdrag(comparison, "RF-2026-42").change()).isEqualTo(Change.RENUMBERED);
    }

    @Test
    void the_other_styrtal_on_the_indikator_recorded_as_not_continued_is_dropped_with_its_reason() {
        PlanContinuity recorded = continuity(List.of(link(STYRTAL, "s2", "s-halso")),
                List.of(new DroppedItem(STYRTAL, "s-vc", "2026 keeps the one on hälso/vårdcentraler")));
        Comparison comparison = YearOverYearComparison.of(RS_2025, rs2026(recorded));

        List<StyrtalComparison> fortroende = comparison.styrtal().stream()
                .filter(s -> FORTROENDE.equals((s.previous() != null ? s.previous() : s.current()).indikatorId()))
                .toList();
        assertThat(fortroende).extracting(StyrtalComparison::change).containsExactly(Change.UNCHANGED, Change.DROPPED);
        assertThat(fortroende.get(1).previous().styrtalId()).isEqualTo("s-vc");
        assertThat(fortroende.get(1).current()).isNull();
        assertThat(fortroende.get(1).reason()).isEqualTo("2026 keeps the one on hälso/vårdcentraler");
    }

    @Test
    void suggestions_guess_by_the_old_heuristic_only_where_nothing_is_recorded() {
        PlanContinuity partly = continuity(List.of(link(STYRTAL, "s2", "s-vc")), List.of());
        List<ContinuitySuggestion> suggestions = ContinuitySuggester.of(RS_2025, rs2026(partly)).suggestions();

        assertThat(suggestions).contains(
                new ContinuitySuggestion(GOAL, "m1", "m1", "indikatorer"),
                new ContinuitySuggestion(GOAL, "m6", "m5", "indikatorer"),
                new ContinuitySuggestion(STYRTAL, "s1", "s-tel", "indikator"));
        // s2 is recorded, and s-vc is taken: neither is suggested again
        assertThat(suggestions).noneMatch(s -> s.itemId().equals("s2") || "s-vc".equals(s.previousItemId()));
    }

    private static GoalComparison goal(Comparison comparison, String currentId) {
        return comparison.goals().stream().filter(g -> g.current() != null && g.current().goalId().equals(currentId))
                .findFirst().orElseThrow();
    }

    private static StyrtalComparison styrtal(Comparison comparison, String currentId) {
        return comparison.styrtal().stream()
                .filter(s -> s.current() != null && s.current().styrtalId().equals(currentId)).findFirst().orElseThrow();
    }

    private static UppdragComparison uppdrag(Comparison comparison, String currentId) {
        return comparison.uppdrag().stream()
                .filter(u -> u.current() != null && u.current().uppdragId().equals(currentId)).findFirst()
                .orElseThrow();
    }

    private static ContinuityLink link(PlanItemKind kind, String itemId, String previousItemId) {
        return new ContinuityLink(kind, itemId, previousItemId, false);
    }

    private static PlanContinuity continuity(List<ContinuityLink> links, List<DroppedItem> dropped) {
        return new PlanContinuity("RS-2025", links, dropped);
    }

    private static PlanView plan(String planId, int year, List<GoalNode> goals, PlanContinuity continuity) {
        return new PlanView(planId, "RS", "Regionstyrelsen", year, "Verksamhetsplan " + year, List.of(),
                PlanStatus.UTKAST, null, 1, Instant.EPOCH, goals, List.of(), null, List.of(), List.of(), continuity,
                java.util.Map.of());
    }

    private static GoalNode goal(String id, String numbering, String title, List<StyrtalNode> styrtal,
                                 List<UppdragNode> uppdrag) {
        return new GoalNode(id, GoalKind.MALSATTNING, GoalOrigin.RF, numbering, title, null, styrtal, uppdrag,
                List.of(), List.of(), null);
    }

    private static StyrtalNode styrtal(String id, String indikatorId, String numbering, String text, String arsMal) {
        return new StyrtalNode(id, indikatorId, indikatorId, numbering, text, null, null, null,
                VardeParser.parse(arsMal), null, List.of(), null);
    }

    private static UppdragNode uppdrag(String id, UppdragSource source, String numbering, String text,
                                       String continuesFrom) {
        return new UppdragNode(id, source, null, numbering, text, null, continuesFrom, List.of());
    }
}
