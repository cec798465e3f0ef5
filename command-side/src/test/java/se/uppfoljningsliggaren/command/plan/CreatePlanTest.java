package se.uppfoljningsliggaren.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.CreatePlan;
import se.uppfoljningsliggaren.kernel.plan.PlanCreated;

import java.util.Arrays;
import java.util.List;

import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;
import static se.uppfoljningsliggaren.command.plan.Rs2026.PLAN;
import static se.uppfoljningsliggaren.command.plan.Rs2026.TITLE;

/** Starting a nämnd's verksamhetsplan for a year. */
class CreatePlanTest {

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Rs2026.catalogue());
    }

    @Test
    void regionstyrelsen_starts_its_2026_plan_with_planering_2027_2028() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN, "RS", 2026, TITLE, List.of(2027, 2028)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PlanCreated(PLAN, "RS", 2026, TITLE, List.of(2027, 2028)));
    }

    @Test
    void the_plan_id_is_derived_from_namnd_and_year() {
        org.junit.jupiter.api.Assertions.assertEquals("RS-2026", Plan.planId("RS", 2026));
        org.junit.jupiter.api.Assertions.assertEquals("SN-2026", Plan.planId("SN", 2026));
    }

    @Test
    void a_plan_without_planning_years_is_allowed_and_records_an_empty_list() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("SN-2026", "SN", 2026, "Verksamhetsplan med budget 2026 Servicenämnden", null))
                .expectEvents(new PlanCreated("SN-2026", "SN", 2026, "Verksamhetsplan med budget 2026 Servicenämnden",
                        List.of()));
    }

    @Test
    void planning_years_may_reach_five_years_ahead() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN, "RS", 2026, TITLE, List.of(2027, 2028, 2029, 2030, 2031)))
                .expectEvents(new PlanCreated(PLAN, "RS", 2026, TITLE, List.of(2027, 2028, 2029, 2030, 2031)));
    }

    @Test
    void the_title_is_kept_without_surrounding_whitespace() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN, "RS", 2026, "  " + TITLE + "\n", List.of(2027, 2028)))
                .expectEvents(new PlanCreated(PLAN, "RS", 2026, TITLE, List.of(2027, 2028)));
    }

    @Test
    void a_namnd_missing_from_the_catalogue_cannot_have_a_plan() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("HSN-2026", "HSN", 2026, "Verksamhetsplan 2026 hälso- och sjukvårdsnämnden",
                        List.of(2027, 2028)))
                .expectException(unknown("namnd"))
                .expectExceptionMessage("no nämnd with code HSN")
                .expectNoEvents();
    }

    @Test
    void the_plan_id_must_name_the_same_year() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("RS-2025", "RS", 2026, TITLE, List.of(2027, 2028)))
                .expectException(invalid("planId"))
                .expectNoEvents();
    }

    @Test
    void the_plan_id_must_name_the_same_namnd() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("SN-2026", "RS", 2026, TITLE, List.of(2027, 2028)))
                .expectException(invalid("planId"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "planning year {0} for plan year 2026 is refused")
    @ValueSource(ints = {2026, 2025, 2032, 2040})
    void planning_years_must_follow_the_plan_year_within_five_years(int planningYear) {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN, "RS", 2026, TITLE, List.of(2027, planningYear)))
                .expectException(invalid("planningYears"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(String.valueOf(planningYear)))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "plan year {0} is refused")
    @ValueSource(ints = {0, 1999, 2101, 26})
    void the_plan_year_must_be_a_plausible_year(int year) {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(Plan.planId("RS", year), "RS", year, TITLE, List.of()))
                .expectException(invalid("year"))
                .expectNoEvents();
    }

    @Test
    void a_plan_needs_a_title() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN, "RS", 2026, "   ", List.of(2027, 2028)))
                .expectException(invalid("title"))
                .expectNoEvents();
    }

    /**
     * Documents a bug: a JSON body {"planningYears": [2027, null]} reaches the aggregate as a list holding null,
     * and {@code List.copyOf} throws a NullPointerException (HTTP 500) instead of a rejection naming the field.
     */
    @Test
    void a_blank_planning_year_is_refused_naming_the_field() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan(PLAN, "RS", 2026, TITLE, Arrays.asList(2027, null)))
                .expectException(CommandRejectedException.class)
                .expectException(invalid("planningYears"))
                .expectNoEvents();
    }
}
