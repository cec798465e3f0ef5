package se.uppfoljningsliggaren.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.plan.ItemContinued;
import se.uppfoljningsliggaren.kernel.plan.ItemMarkedNew;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddUppdrag;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.ContinueItem;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.DropPreviousItem;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.MarkItemNew;
import se.uppfoljningsliggaren.kernel.plan.PreviousItemDropped;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;

import java.util.Optional;
import java.util.Set;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;
import static se.uppfoljningsliggaren.command.plan.Rs2026.*;
import static se.uppfoljningsliggaren.kernel.value.PlanItemKind.GOAL;
import static se.uppfoljningsliggaren.kernel.value.PlanItemKind.STYRTAL;
import static se.uppfoljningsliggaren.kernel.value.PlanItemKind.UPPDRAG;

/**
 * Identity across years, recorded when the plan is written: RS 2026's items continue items of RS 2025 (whose
 * målsättningar are numbered differently), are new, or leave an item of 2025 not continued.
 */
class PlanContinuityTest {

    private static final String PREVIOUS = "RS-2025";
    /** 2025's målsättning nr 1 and nr 5 (Forskning och utbildning, nr 6 in 2026). */
    private static final String M1_2025 = "M1-2025";
    private static final String M5_2025 = "M5-2025";
    /** 2025 printed two styrtal on förtroende för vårdcentraler. */
    private static final String FORTROENDE_HALSO = "ST-FORTROENDE-HALSO";
    private static final String FORTROENDE_VC = "ST-FORTROENDE-VC";
    private static final String TELEFON_2025 = "ST-TELEFON-2025";
    private static final String EGET_2025 = "RS-EGET-2025-1";

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Rs2026.catalogue());
        fixture.registerInjectableResource((PlanLookup) id -> id.equals(PREVIOUS)
                ? Optional.of(new Plan.PlanItems(PREVIOUS, "RS", 2025, Set.of(M1_2025, M5_2025),
                Set.of(EGET_2025, RF_2025_39), Set.of(TELEFON_2025, FORTROENDE_HALSO, FORTROENDE_VC)))
                : Optional.empty());
    }

    /** RS 2026 as entered so far, and then what follows. */
    private static Object[] entered(Object... then) {
        java.util.List<Object> events = new java.util.ArrayList<>(java.util.List.of(created(), malsattning1(),
                malsattning2(), styrtalTelefon(), rf38Received(), egetUppdragGranskning()));
        events.addAll(java.util.List.of(then));
        return events.toArray();
    }

    @Nested
    class Links {

        @Test
        void malsattning_1_continues_last_years_malsattning_1() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, GOAL, M1, M1_2025, null))
                    .expectEvents(new ItemContinued(PLAN, GOAL, M1, PREVIOUS, M1_2025, null));
        }

        @Test
        void a_goal_continues_one_of_another_number_the_link_is_identity_not_number() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, GOAL, M2, M5_2025, null))
                    .expectEvents(new ItemContinued(PLAN, GOAL, M2, PREVIOUS, M5_2025, null));
        }

        @Test
        void a_styrtal_and_an_own_uppdrag_continue_their_kind() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, STYRTAL, ST_TELEFON, TELEFON_2025, null))
                    .expectEvents(new ItemContinued(PLAN, STYRTAL, ST_TELEFON, PREVIOUS, TELEFON_2025, null));
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, UPPDRAG, EGET_GRANSKNING, EGET_2025, null))
                    .expectEvents(new ItemContinued(PLAN, UPPDRAG, EGET_GRANSKNING, PREVIOUS, EGET_2025, null));
        }

        @Test
        void the_item_continued_must_be_in_last_years_plan_of_the_same_namnd() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, GOAL, M1, "M1-SN-2025", null))
                    .expectException(unknown("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void an_item_continues_its_own_kind_only() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, STYRTAL, ST_TELEFON, M1_2025, null))
                    .expectException(unknown("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void the_continuing_item_must_be_in_this_plan() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, GOAL, "M9", M1_2025, null))
                    .expectException(unknown("itemId"))
                    .expectNoEvents();
        }

        @Test
        void without_a_plan_of_the_year_before_there_is_nothing_to_continue() {
            fixture.given(new se.uppfoljningsliggaren.kernel.plan.PlanCreated("RS-2030", "RS", 2030, TITLE,
                            java.util.List.of()),
                    new se.uppfoljningsliggaren.kernel.plan.GoalAdded("RS-2030", M1, null,
                            se.uppfoljningsliggaren.kernel.value.GoalKind.MALSATTNING,
                            se.uppfoljningsliggaren.kernel.value.GoalOrigin.RF, "1", M1_TITLE, null, null))
                    .when(new ContinueItem("RS-2030", null, GOAL, M1, M1_2025, null))
                    .expectException(unknown("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void an_item_of_last_year_is_continued_by_at_most_one() {
            fixture.given(entered(new ItemContinued(PLAN, GOAL, M1, PREVIOUS, M1_2025, null)))
                    .when(new ContinueItem(PLAN, null, GOAL, M2, M1_2025, null))
                    .expectException(conflict("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void a_new_link_replaces_the_earlier_one_and_frees_what_it_named() {
            fixture.given(entered(new ItemContinued(PLAN, GOAL, M1, PREVIOUS, M5_2025, null),
                            new ItemContinued(PLAN, GOAL, M1, PREVIOUS, M1_2025, null)))
                    .when(new ContinueItem(PLAN, null, GOAL, M2, M5_2025, null))
                    .expectEvents(new ItemContinued(PLAN, GOAL, M2, PREVIOUS, M5_2025, null));
        }

        @Test
        void an_rf_uppdrag_continues_by_the_region_wide_link_not_the_plans() {
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, UPPDRAG, RF_38, EGET_2025, null))
                    .expectException(invalid("itemId"))
                    .expectNoEvents();
            fixture.given(entered())
                    .when(new ContinueItem(PLAN, null, UPPDRAG, EGET_GRANSKNING, RF_2025_39, null))
                    .expectException(invalid("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void an_unchecked_continues_from_on_a_new_uppdrag_is_refused() {
            fixture.given(created(), malsattning1())
                    .when(new AddUppdrag(PLAN, null, "RS-EGET-CYKELPLAN", null, UppdragSource.NAMND, null,
                            "Att revidera länets cykelplan.", null, "RS-2025:RS-EGET-7", null))
                    .expectException(invalid("continuesFrom"))
                    .expectNoEvents();
        }
    }

    @Nested
    class NewAndDropped {

        @Test
        void an_item_is_said_to_be_new() {
            fixture.given(entered())
                    .when(new MarkItemNew(PLAN, null, UPPDRAG, EGET_GRANSKNING, null))
                    .expectEvents(new ItemMarkedNew(PLAN, UPPDRAG, EGET_GRANSKNING, null));
        }

        @Test
        void marking_an_item_new_frees_the_item_it_was_linked_to() {
            fixture.given(entered(new ItemContinued(PLAN, STYRTAL, ST_TELEFON, PREVIOUS, TELEFON_2025, null),
                            new ItemMarkedNew(PLAN, STYRTAL, ST_TELEFON, null)))
                    .when(new DropPreviousItem(PLAN, null, STYRTAL, TELEFON_2025, null, null))
                    .expectEvents(new PreviousItemDropped(PLAN, STYRTAL, PREVIOUS, TELEFON_2025, null, null));
        }

        @Test
        void one_of_two_styrtal_on_one_indikator_is_continued_the_other_dropped_with_a_reason() {
            fixture.given(entered(new ItemContinued(PLAN, STYRTAL, ST_TELEFON, PREVIOUS, FORTROENDE_HALSO, null)))
                    .when(new DropPreviousItem(PLAN, null, STYRTAL, FORTROENDE_VC, "Ersatt av hälso/vårdcentraler",
                            null))
                    .expectEvents(new PreviousItemDropped(PLAN, STYRTAL, PREVIOUS, FORTROENDE_VC,
                            "Ersatt av hälso/vårdcentraler", null));
        }

        @Test
        void a_continued_item_cannot_also_be_dropped() {
            fixture.given(entered(new ItemContinued(PLAN, STYRTAL, ST_TELEFON, PREVIOUS, TELEFON_2025, null)))
                    .when(new DropPreviousItem(PLAN, null, STYRTAL, TELEFON_2025, null, null))
                    .expectException(conflict("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void a_dropped_item_cannot_be_continued_or_dropped_again() {
            fixture.given(entered(new PreviousItemDropped(PLAN, GOAL, PREVIOUS, M5_2025, null, null)))
                    .when(new ContinueItem(PLAN, null, GOAL, M2, M5_2025, null))
                    .expectException(conflict("previousItemId"))
                    .expectNoEvents();
            fixture.given(entered(new PreviousItemDropped(PLAN, GOAL, PREVIOUS, M5_2025, null, null)))
                    .when(new DropPreviousItem(PLAN, null, GOAL, M5_2025, null, null))
                    .expectException(conflict("previousItemId"))
                    .expectNoEvents();
        }

        @Test
        void only_items_of_last_years_plan_can_be_dropped() {
            fixture.given(entered())
                    .when(new DropPreviousItem(PLAN, null, GOAL, "M3-2025", null, null))
                    .expectException(unknown("previousItemId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class OnAFaststalldPlan {

        @Test
        void a_link_needs_a_beslut_like_every_other_change() {
            fixture.given(entered(adopted()))
                    .when(new ContinueItem(PLAN, null, GOAL, M1, M1_2025, null))
                    .expectException(invalid("revisionBeslut"))
                    .expectNoEvents();
            fixture.given(entered(adopted()))
                    .when(new DropPreviousItem(PLAN, null, GOAL, M5_2025, null, null))
                    .expectException(invalid("revisionBeslut"))
                    .expectNoEvents();
            fixture.given(entered(adopted()))
                    .when(new MarkItemNew(PLAN, null, GOAL, M2, NOVEMBER_2025))
                    .expectException(invalid("revisionBeslut.datum"))
                    .expectNoEvents();
        }

        @Test
        void with_a_beslut_the_link_records_it() {
            fixture.given(entered(adopted()))
                    .when(new ContinueItem(PLAN, null, GOAL, M1, M1_2025, TILLAGGSBUDGET))
                    .expectEvents(new ItemContinued(PLAN, GOAL, M1, PREVIOUS, M1_2025, TILLAGGSBUDGET));
        }
    }
}
