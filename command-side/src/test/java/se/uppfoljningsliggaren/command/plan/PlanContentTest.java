package se.uppfoljningsliggaren.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.plan.AktivitetAdded;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.plan.GoalRevised;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddAktivitet;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddGoal;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddStyrtal;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddUppdrag;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.ReceiveRfUppdrag;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.ReviseGoal;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.ReviseStyrtal;
import se.uppfoljningsliggaren.kernel.plan.RfUppdragReceived;
import se.uppfoljningsliggaren.kernel.plan.StyrtalAdded;
import se.uppfoljningsliggaren.kernel.plan.StyrtalRevised;
import se.uppfoljningsliggaren.kernel.plan.UppdragAdded;
import se.uppfoljningsliggaren.kernel.value.Breakdown;
import se.uppfoljningsliggaren.kernel.value.Direction;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.StyrtalContent;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.util.List;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;
import static se.uppfoljningsliggaren.command.plan.Rs2026.*;

/** Entering the plan as decided, while it is an utkast: goal tree, styrtal, uppdrag and aktiviteter. */
class PlanContentTest {

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Rs2026.catalogue());
    }

    @Nested
    class GoalTree {

        @Test
        void malsattning_1_from_rf_is_added_at_the_top_of_the_tree() {
            fixture.given(created())
                    .when(new AddGoal(PLAN, null, M1, null, GoalKind.MALSATTNING, GoalOrigin.RF, "1", M1_TITLE, null,
                            null))
                    .expectEvents(malsattning1())
                    // the write API answers with the plan version the client may send back as If-Match
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_namndmal_can_be_placed_under_an_existing_malsattning() {
            fixture.given(created(), malsattning1())
                    .when(new AddGoal(PLAN, null, "M1-NM1", M1, GoalKind.NAMNDMAL, GoalOrigin.NAMND, null,
                            "Tillgängligheten i primärvården ska öka.", null, null))
                    .expectEvents(new GoalAdded(PLAN, "M1-NM1", M1, GoalKind.NAMNDMAL, GoalOrigin.NAMND, null,
                            "Tillgängligheten i primärvården ska öka.", null, null));
        }

        @Test
        void the_parent_goal_must_already_be_in_the_plan() {
            fixture.given(created(), malsattning1())
                    .when(new AddGoal(PLAN, null, "M2-NM1", M2, GoalKind.NAMNDMAL, GoalOrigin.NAMND, null,
                            "Tandvården för barn och unga ska vara jämlik.", null, null))
                    .expectException(unknown("parentGoalId"))
                    .expectNoEvents();
        }

        @Test
        void a_goal_id_already_used_in_the_plan_is_a_conflict() {
            fixture.given(created(), malsattning1())
                    .when(new AddGoal(PLAN, null, M1, null, GoalKind.MALSATTNING, GoalOrigin.RF, "2",
                            "Tandvården är god, säker och jämlik.", null, null))
                    .expectException(conflict("goalId"))
                    .expectNoEvents();
        }

        @Test
        void a_goal_id_with_spaces_is_refused() {
            fixture.given(created())
                    .when(new AddGoal(PLAN, null, "Målsättning 1", null, GoalKind.MALSATTNING, GoalOrigin.RF, "1",
                            M1_TITLE, null, null))
                    .expectException(invalid("goalId"))
                    .expectNoEvents();
        }

        @Test
        void a_goal_needs_a_kind_origin_and_title() {
            fixture.given(created())
                    .when(new AddGoal(PLAN, null, M1, null, null, GoalOrigin.RF, "1", M1_TITLE, null, null))
                    .expectException(invalid("kind"))
                    .expectNoEvents();
            fixture.given(created())
                    .when(new AddGoal(PLAN, null, M1, null, GoalKind.MALSATTNING, null, "1", M1_TITLE, null, null))
                    .expectException(invalid("origin"))
                    .expectNoEvents();
            fixture.given(created())
                    .when(new AddGoal(PLAN, null, M1, null, GoalKind.MALSATTNING, GoalOrigin.RF, "1", " ", null,
                            null))
                    .expectException(invalid("title"))
                    .expectNoEvents();
        }

        @Test
        void a_goal_is_renumbered_as_rf_renumbered_it_between_years() {
            // "Forskning och utbildning" moved from målsättning 5 (2025) to 6 (2026)
            fixture.given(created(), new GoalAdded(PLAN, "M-FORSKNING", null, GoalKind.MALSATTNING, GoalOrigin.RF,
                            "5", "Forskning och utbildning av hög kvalitet med internationell lyskraft.", null, null))
                    .when(new ReviseGoal(PLAN, null, "M-FORSKNING", "6",
                            "Forskning och utbildning av hög kvalitet med internationell lyskraft.", null, null))
                    .expectEvents(new GoalRevised(PLAN, "M-FORSKNING", "6",
                            "Forskning och utbildning av hög kvalitet med internationell lyskraft.", null, null));
        }

        @Test
        void an_unknown_goal_cannot_be_revised() {
            fixture.given(created(), malsattning1())
                    .when(new ReviseGoal(PLAN, null, "M5", "5", "Forskning och utbildning", null, null))
                    .expectException(unknown("goalId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Styrtal {

        @Test
        void telefontillganglighet_is_set_under_malsattning_1_with_its_values_as_printed() {
            fixture.given(created(), malsattning1())
                    .when(new AddStyrtal(PLAN, null, ST_TELEFON, M1, IND_TELEFON, telefontillganglighet("90 %"),
                            null))
                    .expectEvents(styrtalTelefon());
        }

        @Test
        void a_styrtal_must_sit_under_a_goal_of_the_plan() {
            fixture.given(created(), malsattning1())
                    .when(new AddStyrtal(PLAN, null, ST_TELEFON, M2, IND_TELEFON, telefontillganglighet("90 %"),
                            null))
                    .expectException(unknown("goalId"))
                    .expectNoEvents();
        }

        @Test
        void a_styrtal_without_goal_is_refused() {
            fixture.given(created(), malsattning1())
                    .when(new AddStyrtal(PLAN, null, ST_TELEFON, null, IND_TELEFON, telefontillganglighet("90 %"),
                            null))
                    .expectException(unknown("goalId"))
                    .expectNoEvents();
        }

        @Test
        void the_indikator_must_be_registered_in_the_catalogue_first() {
            fixture.given(created(), malsattning1())
                    .when(new AddStyrtal(PLAN, null, "ST-1-3D", M1, "IND-MEDICINSK-BEDOMNING-3D",
                            new StyrtalContent(null, "Medicinsk bedömning inom 3 dagar.", "%", Direction.OKA, null,
                                    VardeParser.parse("90 %"), null, List.of()), null))
                    .expectException(unknown("indikatorId"))
                    .expectNoEvents();
        }

        @Test
        void a_styrtal_id_already_used_is_a_conflict() {
            fixture.given(created(), malsattning1(), styrtalTelefon())
                    .when(new AddStyrtal(PLAN, null, ST_TELEFON, M1, IND_TELEFON, telefontillganglighet("90 %"),
                            null))
                    .expectException(conflict("styrtalId"))
                    .expectNoEvents();
        }

        @Test
        void a_styrtal_needs_its_text() {
            fixture.given(created(), malsattning1())
                    .when(new AddStyrtal(PLAN, null, ST_TELEFON, M1, IND_TELEFON,
                            new StyrtalContent("3 c.", "", "%", Direction.OKA, null, VardeParser.parse("90 %"),
                                    VardeParser.parse("95 %"), List.of()), null))
                    .expectException(invalid("text"))
                    .expectNoEvents();
        }

        @Test
        void a_breakdown_given_twice_is_refused() {
            PeriodValue kvinnor = new PeriodValue(VardeParser.parse("4,1 %"), Period.parse("2024"), null);
            StyrtalContent sjukfranvaro = new StyrtalContent("3.", "Sjukfrånvaron ska minska.", "%", Direction.MINSKA,
                    null, VardeParser.parse("Minska"), null, List.of(
                    new Breakdown(Breakdown.Dimension.SEX, "Kvinnor", kvinnor, null, null),
                    new Breakdown(Breakdown.Dimension.SEX, "Kvinnor", kvinnor, null, null)));
            fixture.given(created(), malsattning1())
                    .when(new AddStyrtal(PLAN, null, "ST-9-3", M1, IND_TELEFON, sjukfranvaro, null))
                    .expectException(invalid("breakdowns.label"))
                    .expectNoEvents();
        }

        @Test
        void while_utkast_the_arets_malvarde_can_be_corrected_without_beslut() {
            fixture.given(created(), malsattning1(), styrtalTelefon())
                    .when(new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), null))
                    .expectEvents(new StyrtalRevised(PLAN, ST_TELEFON, telefontillganglighet("92 %"), null));
        }

        @Test
        void an_unknown_styrtal_cannot_be_revised() {
            fixture.given(created(), malsattning1())
                    .when(new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), null))
                    .expectException(unknown("styrtalId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RfUppdrag {

        @Test
        void nr_38_given_to_regionstyrelsen_for_2026_is_received() {
            fixture.given(created(), malsattning1())
                    .when(new ReceiveRfUppdrag(PLAN, null, RF_38, null, null))
                    .expectEvents(rf38Received());
        }

        @Test
        void an_rf_uppdrag_can_be_placed_under_a_goal_of_the_plan() {
            fixture.given(created(), malsattning1())
                    .when(new ReceiveRfUppdrag(PLAN, null, RF_42, M1, null))
                    .expectEvents(new RfUppdragReceived(PLAN, RF_42, M1, null));
        }

        @Test
        void an_rf_uppdrag_under_an_unknown_goal_is_refused() {
            fixture.given(created(), malsattning1())
                    .when(new ReceiveRfUppdrag(PLAN, null, RF_42, "M6", null))
                    .expectException(unknown("goalId"))
                    .expectNoEvents();
        }

        @Test
        void an_rf_uppdrag_given_only_to_another_namnd_is_refused() {
            fixture.given(created())
                    .when(new ReceiveRfUppdrag(PLAN, null, RF_SN_ONLY, null, null))
                    .expectException(invalid("rfUppdragId"))
                    .expectExceptionMessage(RF_SN_ONLY + " is not given to RS for 2026")
                    .expectNoEvents();
        }

        @Test
        void last_years_uppdrag_with_a_reused_number_is_not_this_years() {
            fixture.given(created())
                    .when(new ReceiveRfUppdrag(PLAN, null, RF_2025_39, null, null))
                    .expectException(invalid("rfUppdragId"))
                    .expectNoEvents();
        }

        @Test
        void an_rf_uppdrag_not_issued_is_unknown() {
            fixture.given(created())
                    .when(new ReceiveRfUppdrag(PLAN, null, "RF-2026-99", null, null))
                    .expectException(unknown("rfUppdragId"))
                    .expectNoEvents();
        }

        @Test
        void an_rf_uppdrag_is_received_only_once() {
            fixture.given(created(), rf38Received())
                    .when(new ReceiveRfUppdrag(PLAN, null, RF_38, null, null))
                    .expectException(conflict("rfUppdragId"))
                    .expectNoEvents();
        }

        @Test
        void servicenamnden_receives_the_shared_nr_38_into_its_own_plan() {
            fixture.given(new se.uppfoljningsliggaren.kernel.plan.PlanCreated("SN-2026", "SN", 2026,
                            "Verksamhetsplan med budget 2026 Servicenämnden", List.of(2027, 2028)))
                    .when(new ReceiveRfUppdrag("SN-2026", null, RF_38, null, null))
                    .expectEvents(new RfUppdragReceived("SN-2026", RF_38, null, null));
        }
    }

    @Nested
    class EgnaUppdrag {

        @Test
        void regionstyrelsens_eget_uppdrag_is_added_under_malsattning_1() {
            fixture.given(created(), malsattning1())
                    .when(new AddUppdrag(PLAN, null, EGET_GRANSKNING, M1, UppdragSource.NAMND, null,
                            EGET_GRANSKNING_TEXT, null, null, null))
                    .expectEvents(egetUppdragGranskning());
        }

        @Test
        void an_rf_uppdrag_cannot_be_entered_as_the_plans_own() {
            fixture.given(created(), malsattning1())
                    .when(new AddUppdrag(PLAN, null, "NR-38", M1, UppdragSource.RF, "Nr 38", RF_38_TEXT, null, null,
                            null))
                    .expectException(invalid("source"))
                    .expectNoEvents();
        }

        @Test
        void an_uppdrag_needs_a_source() {
            fixture.given(created())
                    .when(new AddUppdrag(PLAN, null, EGET_GRANSKNING, null, null, null, EGET_GRANSKNING_TEXT, null,
                            null, null))
                    .expectException(invalid("source"))
                    .expectNoEvents();
        }

        @Test
        void an_uppdrag_under_an_unknown_goal_is_refused() {
            fixture.given(created())
                    .when(new AddUppdrag(PLAN, null, EGET_GRANSKNING, M1, UppdragSource.NAMND, null,
                            EGET_GRANSKNING_TEXT, null, null, null))
                    .expectException(unknown("goalId"))
                    .expectNoEvents();
        }

        @Test
        void an_uppdrag_id_already_used_is_a_conflict() {
            fixture.given(created(), malsattning1(), egetUppdragGranskning())
                    .when(new AddUppdrag(PLAN, null, EGET_GRANSKNING, M1, UppdragSource.NAMND, null,
                            "Att revidera handlingsplan för bredband.", null, null, null))
                    .expectException(conflict("uppdragId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Aktiviteter {

        @Test
        void an_aktivitet_is_planned_under_a_malsattning() {
            fixture.given(created(), malsattning1())
                    .when(new AddAktivitet(PLAN, null, "AKT-1", M1, null,
                            "Införa digital återuppringning på samtliga vårdcentraler.", null))
                    .expectEvents(new AktivitetAdded(PLAN, "AKT-1", M1, null,
                            "Införa digital återuppringning på samtliga vårdcentraler.", null));
        }

        @Test
        void an_aktivitet_is_planned_under_the_plans_own_uppdrag() {
            fixture.given(created(), malsattning1(), egetUppdragGranskning())
                    .when(new AddAktivitet(PLAN, null, "AKT-2", null, EGET_GRANSKNING,
                            "Granska avtalsuppföljningen för privata vårdgivare inom LOV.", null))
                    .expectEvents(new AktivitetAdded(PLAN, "AKT-2", null, EGET_GRANSKNING,
                            "Granska avtalsuppföljningen för privata vårdgivare inom LOV.", null));
        }

        @Test
        void an_aktivitet_is_planned_under_a_received_rf_uppdrag() {
            fixture.given(created(), rf38Received())
                    .when(new AddAktivitet(PLAN, null, "AKT-3", null, RF_38,
                            "Ta fram åtgärdsplan för ekonomi i balans.", null))
                    .expectEvents(new AktivitetAdded(PLAN, "AKT-3", null, RF_38,
                            "Ta fram åtgärdsplan för ekonomi i balans.", null));
        }

        @Test
        void an_aktivitet_under_both_a_goal_and_an_uppdrag_is_refused() {
            fixture.given(created(), malsattning1(), egetUppdragGranskning())
                    .when(new AddAktivitet(PLAN, null, "AKT-4", M1, EGET_GRANSKNING, "Dubbelt placerad.", null))
                    .expectException(invalid("goalId"))
                    .expectExceptionMessage("an aktivitet belongs to exactly one goal or uppdrag")
                    .expectNoEvents();
        }

        @Test
        void an_aktivitet_under_neither_is_refused() {
            fixture.given(created(), malsattning1())
                    .when(new AddAktivitet(PLAN, null, "AKT-5", null, null, "Utan placering.", null))
                    .expectException(invalid("goalId"))
                    .expectNoEvents();
        }

        @Test
        void an_aktivitet_under_an_unknown_uppdrag_is_refused() {
            fixture.given(created(), malsattning1())
                    .when(new AddAktivitet(PLAN, null, "AKT-6", null, RF_42, "Under ett uppdrag som inte tagits emot.",
                            null))
                    .expectException(unknown("uppdragId"))
                    .expectNoEvents();
        }

        @Test
        void an_aktivitet_under_an_unknown_goal_is_refused() {
            fixture.given(created())
                    .when(new AddAktivitet(PLAN, null, "AKT-7", M2, null, "Under ett mål som saknas.", null))
                    .expectException(unknown("goalId"))
                    .expectNoEvents();
        }

        @Test
        void an_aktivitet_id_already_used_is_a_conflict() {
            fixture.given(created(), malsattning1(),
                            new AktivitetAdded(PLAN, "AKT-1", M1, null, "Införa digital återuppringning.", null))
                    .when(new AddAktivitet(PLAN, null, "AKT-1", M1, null, "En annan aktivitet.", null))
                    .expectException(conflict("aktivitetId"))
                    .expectNoEvents();
        }
    }
}
