package se.uppfoljningsliggaren.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.kernel.plan.AktivitetAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineRevised;
import se.uppfoljningsliggaren.kernel.plan.BudgetTableAdded;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.plan.GoalRevised;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.*;
import se.uppfoljningsliggaren.kernel.plan.RfUppdragReceived;
import se.uppfoljningsliggaren.kernel.plan.StyrtalAdded;
import se.uppfoljningsliggaren.kernel.plan.StyrtalRevised;
import se.uppfoljningsliggaren.kernel.plan.UppdragAdded;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.BudgetColumn;
import se.uppfoljningsliggaren.kernel.value.BudgetKind;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;
import se.uppfoljningsliggaren.kernel.value.UppdragSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.plan.Rs2026.*;

/** Fastställande by beslut, and revisions after it: each change must cite the beslut that decided it. */
class PlanAdoptionTest {

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Rs2026.catalogue());
    }

    /** RS 2026 as entered, before fastställande. */
    private static Object[] enteredPlan() {
        return new Object[]{created(), malsattning1(), malsattning2(), styrtalTelefon(), rf38Received(),
                egetUppdragGranskning(), driftTable(), rsVerksamheter(), regionkansliet()};
    }

    private static Object[] adoptedPlan() {
        Object[] entered = enteredPlan();
        Object[] adopted = java.util.Arrays.copyOf(entered, entered.length + 1);
        adopted[entered.length] = adopted();
        return adopted;
    }

    @Test
    void regionstyrelsen_faststaller_the_plan_by_beslut() {
        fixture.given(enteredPlan())
                .when(new AdoptPlan(PLAN, null, FASTSTALLD))
                .expectEvents(new PlanAdopted(PLAN, FASTSTALLD));
    }

    @Test
    void faststallande_needs_the_beslut() {
        fixture.given(enteredPlan())
                .when(new AdoptPlan(PLAN, null, null))
                .expectException(invalid("beslut"))
                .expectNoEvents();
    }

    @Test
    void a_plan_is_faststalld_only_once() {
        Beslut again = new Beslut("Regionstyrelsen", LocalDate.of(2026, 1, 14), "§ 3", "25RS0001");
        fixture.given(adoptedPlan())
                .when(new AdoptPlan(PLAN, null, again))
                .expectException(conflict("status"))
                .expectExceptionMessage(containsString("already fastställd"))
                .expectNoEvents();
    }

    @Test
    void while_utkast_changes_need_no_beslut() {
        fixture.given(enteredPlan())
                .when(new AddGoal(PLAN, null, "M4", null, GoalKind.MALSATTNING, GoalOrigin.RF, "4",
                        "Den hållbara regionala utvecklingen ligger i framkant.", null, null))
                .expectEvents(new GoalAdded(PLAN, "M4", null, GoalKind.MALSATTNING, GoalOrigin.RF, "4",
                        "Den hållbara regionala utvecklingen ligger i framkant.", null, null));
    }

    @Test
    void arets_malvarde_for_telefontillganglighet_is_raised_from_90_to_92_by_beslut() {
        fixture.given(adoptedPlan())
                .when(new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), TILLAGGSBUDGET))
                .expectEvents(new StyrtalRevised(PLAN, ST_TELEFON, telefontillganglighet("92 %"), TILLAGGSBUDGET));
    }

    @Test
    void arets_malvarde_cannot_be_changed_after_faststallande_without_beslut() {
        fixture.given(adoptedPlan())
                .when(new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), null))
                .expectException(CommandRejectedException.class)
                .expectException(invalid("revisionBeslut"))
                .expectExceptionMessage(containsString("fastställd"))
                .expectNoEvents();
    }

    @Test
    void a_revision_beslut_dated_before_faststallandet_is_refused() {
        fixture.given(adoptedPlan())
                .when(new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), NOVEMBER_2025))
                .expectException(invalid("revisionBeslut.datum"))
                .expectExceptionMessage(containsString("2025-12-10"))
                .expectNoEvents();
    }

    @Test
    void a_revision_decided_at_the_same_meeting_as_faststallandet_is_accepted() {
        Beslut sammaSammantrade = new Beslut("Regionstyrelsen", LocalDate.of(2025, 12, 10), "§ 251", "25RS0002");
        fixture.given(adoptedPlan())
                .when(new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), sammaSammantrade))
                .expectEvents(new StyrtalRevised(PLAN, ST_TELEFON, telefontillganglighet("92 %"), sammaSammantrade));
    }

    @Test
    void a_rejected_revision_leaves_the_plan_open_for_a_correct_one() {
        fixture.given(adoptedPlan())
                .andGivenCommands(new AddAktivitet(PLAN, null, "AKT-1", M1, null, "Införa digital återuppringning.",
                        TILLAGGSBUDGET))
                .when(new AddAktivitet(PLAN, null, "AKT-2", M1, null, "Utöka telefontiderna.", OMFORDELNING))
                .expectEvents(new AktivitetAdded(PLAN, "AKT-2", M1, null, "Utöka telefontiderna.", OMFORDELNING));
    }

    /** One change of each kind, as a command citing a beslut (or none) and the event it should record. */
    record Change(String name, Function<Beslut, Object> command, Function<Beslut, Object> event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Change> changes() {
        Map<String, BigDecimal> tillagg = mnkr("-273.0", "-230.6", "-257.1");
        List<BudgetColumn> invColumns = List.of(new BudgetColumn(B2026, "Budget 2026", BudgetColumn.Role.BUDGET));
        return Stream.of(
                new Change("AddGoal",
                        b -> new AddGoal(PLAN, null, "M4", null, GoalKind.MALSATTNING, GoalOrigin.RF, "4",
                                "Den hållbara regionala utvecklingen ligger i framkant.", null, b),
                        b -> new GoalAdded(PLAN, "M4", null, GoalKind.MALSATTNING, GoalOrigin.RF, "4",
                                "Den hållbara regionala utvecklingen ligger i framkant.", null, b)),
                new Change("ReviseGoal",
                        b -> new ReviseGoal(PLAN, null, M2, "2", "Tandvården är god, säker och jämlik för alla.",
                                null, b),
                        b -> new GoalRevised(PLAN, M2, "2", "Tandvården är god, säker och jämlik för alla.", null,
                                b)),
                new Change("AddStyrtal",
                        b -> new AddStyrtal(PLAN, null, "ST-2-1", M2, IND_TELEFON, telefontillganglighet("90 %"), b),
                        b -> new StyrtalAdded(PLAN, "ST-2-1", M2, IND_TELEFON, telefontillganglighet("90 %"), b)),
                new Change("ReviseStyrtal",
                        b -> new ReviseStyrtal(PLAN, null, ST_TELEFON, telefontillganglighet("92 %"), b),
                        b -> new StyrtalRevised(PLAN, ST_TELEFON, telefontillganglighet("92 %"), b)),
                new Change("ReceiveRfUppdrag",
                        b -> new ReceiveRfUppdrag(PLAN, null, RF_42, null, b),
                        b -> new RfUppdragReceived(PLAN, RF_42, null, b)),
                new Change("AddUppdrag",
                        b -> new AddUppdrag(PLAN, null, "RS-EGET-2", null, UppdragSource.NAMND, null,
                                "Att revidera handlingsplan för bredband.", null, null, b),
                        b -> new UppdragAdded(PLAN, "RS-EGET-2", null, UppdragSource.NAMND, null,
                                "Att revidera handlingsplan för bredband.", null, null, b)),
                new Change("AddAktivitet",
                        b -> new AddAktivitet(PLAN, null, "AKT-1", null, RF_38, "Åtgärdsplan för ekonomi i balans.",
                                b),
                        b -> new AktivitetAdded(PLAN, "AKT-1", null, RF_38, "Åtgärdsplan för ekonomi i balans.", b)),
                new Change("AddBudgetTable",
                        b -> new AddBudgetTable(PLAN, null, INVESTERING, BudgetKind.INVESTERING, "Investeringsbudget",
                                invColumns, b),
                        b -> new BudgetTableAdded(PLAN, INVESTERING, BudgetKind.INVESTERING, "Investeringsbudget",
                                invColumns, b)),
                new Change("AddBudgetLine",
                        b -> new AddBudgetLine(PLAN, null, "L-RESERV-ROBUST", DRIFT, null,
                                "Reserv för robusthöjande åtgärder", mnkr("-50.0", null, null), null, b),
                        b -> new BudgetLineAdded(PLAN, "L-RESERV-ROBUST", DRIFT, null,
                                "Reserv för robusthöjande åtgärder", 2, Map.of(B2026, new BigDecimal("-50.0")), null, b)),
                new Change("ReviseBudgetLine",
                        b -> new ReviseBudgetLine(PLAN, null, REGIONKANSLIET, tillagg, null, b),
                        b -> new BudgetLineRevised(PLAN, REGIONKANSLIET, 2, tillagg, null, b)));
    }

    @ParameterizedTest(name = "{0} after fastställande without beslut is refused")
    @MethodSource("changes")
    void every_change_after_faststallande_without_beslut_is_refused(Change change) {
        fixture.given(adoptedPlan())
                .when(change.command().apply(null))
                .expectException(CommandRejectedException.class)
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} after fastställande with beslut records that beslut")
    @MethodSource("changes")
    void every_change_after_faststallande_with_beslut_records_the_beslut(Change change) {
        fixture.given(adoptedPlan())
                .when(change.command().apply(TILLAGGSBUDGET))
                .expectSuccessfulHandlerExecution()
                .expectEvents(change.event().apply(TILLAGGSBUDGET));
    }

    @ParameterizedTest(name = "{0} under a beslut older than the fastställande is refused")
    @MethodSource("changes")
    void every_change_under_a_beslut_older_than_faststallandet_is_refused(Change change) {
        fixture.given(adoptedPlan())
                .when(change.command().apply(NOVEMBER_2025))
                .expectException(invalid("revisionBeslut.datum"))
                .expectNoEvents();
    }
}
