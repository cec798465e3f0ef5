package se.uppfoljningsliggaren.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineRevised;
import se.uppfoljningsliggaren.kernel.plan.BudgetTableAdded;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddBudgetLine;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddBudgetTable;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AdoptPlan;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.ReviseBudgetLine;
import se.uppfoljningsliggaren.kernel.value.BudgetColumn;
import se.uppfoljningsliggaren.kernel.value.BudgetKind;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;
import static se.uppfoljningsliggaren.command.plan.Rs2026.*;

/** The driftbudget of RS 2026 (mnkr, one decimal, "varav" hierarchy) and its versions after fastställande. */
class PlanBudgetTest {

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Rs2026.catalogue());
    }

    @Test
    void the_driftbudget_table_is_added_with_its_printed_columns() {
        fixture.given(created())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        driftColumns(), null))
                .expectEvents(driftTable());
    }

    @Test
    void a_table_keeps_the_footnotes_printed_with_it_and_refuses_a_blank_one() {
        List<String> notes = List.of("*) Resultat budget 2026 ska överensstämma med nämndens budgetram",
                "Budget för 2026 är preliminärt beräknad.");
        fixture.given(created())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        driftColumns(), null, notes))
                .expectEvents(new BudgetTableAdded(PLAN, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        driftColumns(), null, notes));
        fixture.given(created())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        driftColumns(), null, List.of(" ")))
                .expectException(invalid("notes"))
                .expectNoEvents();
    }

    @Test
    void a_table_has_at_most_one_budget_column() {
        fixture.given(created())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        List.of(new BudgetColumn(B2026, "Budget 2026", BudgetColumn.Role.BUDGET),
                                new BudgetColumn(B2025, "Budget 2025", BudgetColumn.Role.BUDGET)), null))
                .expectException(invalid("columns"))
                .expectNoEvents();
    }

    @Test
    void a_column_key_is_used_once_per_table() {
        fixture.given(created())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        List.of(new BudgetColumn(B2026, "Budget 2026", BudgetColumn.Role.BUDGET),
                                new BudgetColumn(B2026, "Prognos 2025", BudgetColumn.Role.PROGNOS_PREVIOUS_YEAR)),
                        null))
                .expectException(invalid("columns"))
                .expectNoEvents();
    }

    @Test
    void a_table_without_columns_is_refused() {
        fixture.given(created())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.DRIFT, "Driftbudget regionstyrelsen",
                        List.of(), null))
                .expectException(invalid("columns"))
                .expectNoEvents();
    }

    @Test
    void a_table_id_already_used_is_a_conflict() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetTable(PLAN, null, DRIFT, BudgetKind.RESULTAT, "Resultatbudget", driftColumns(),
                        null))
                .expectException(conflict("tableId"))
                .expectNoEvents();
    }

    @Test
    void a_line_keeps_the_amounts_as_printed_in_each_column() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, RS_VERKSAMHETER, DRIFT, null,
                        "Regionstyrelsens verksamheter, varav", mnkr("-370.4", "-332.0", "-361.3"), null, null))
                .expectEvents(rsVerksamheter());
    }

    /** The cells of Budget 2026, Prognos 2025, Budget 2025 as 000 prints them. */
    private static Map<String, Varde> printed(String budget2026, String prognos2025, String budget2025) {
        Map<String, Varde> cells = new LinkedHashMap<>();
        cells.put(B2026, VardeParser.amount(budget2026));
        cells.put(P2025, VardeParser.amount(prognos2025));
        cells.put(B2025, VardeParser.amount(budget2025));
        return cells;
    }

    @Test
    void a_line_keeps_each_cell_as_printed_and_the_amount_read_from_it() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, HALSOVAL, DRIFT, null, "Hälsovalsenheten, varav", null,
                        printed("-2 314,7", "-2 208,8", "-2 246,6"), null))
                .expectEvents(new BudgetLineAdded(PLAN, HALSOVAL, DRIFT, null, "Hälsovalsenheten, varav", 0,
                        mnkr("-2314.7", "-2208.8", "-2246.6"), printed("-2 314,7", "-2 208,8", "-2 246,6"), null));
    }

    @Test
    void a_printed_cell_and_a_number_that_agree_are_one_amount() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, HALSOVAL, DRIFT, null, "Hälsovalsenheten, varav",
                        mnkr("-2314.7", null, null), printed("-2 314,7", "-2 208,8", "-2 246,6"), null))
                .expectEvents(new BudgetLineAdded(PLAN, HALSOVAL, DRIFT, null, "Hälsovalsenheten, varav", 0,
                        mnkr("-2314.7", "-2208.8", "-2246.6"), printed("-2 314,7", "-2 208,8", "-2 246,6"), null));
    }

    @Test
    void a_printed_cell_and_a_number_that_disagree_are_refused_naming_the_cell() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, HALSOVAL, DRIFT, null, "Hälsovalsenheten, varav",
                        mnkr("-2314.6", null, null), printed("-2 314,7", "-2 208,8", "-2 246,6"), null))
                .expectException(invalid("printed." + B2026))
                .expectNoEvents();
    }

    @Test
    void a_cell_printed_in_words_is_kept_and_has_no_amount() {
        Map<String, Varde> cells = new LinkedHashMap<>();
        cells.put(B2026, new Varde.NotDecided("Belopp ännu ej fastställt"));
        cells.put(P2025, new Varde.Prose("–", Varde.ProseKind.OTHER));
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, "L-RESERV", DRIFT, null, "Reserv", null, cells, null))
                .expectEvents(new BudgetLineAdded(PLAN, "L-RESERV", DRIFT, null, "Reserv", 0, Map.of(), cells, null));
    }

    @Test
    void a_number_beside_a_cell_printed_in_words_is_refused() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, "L-RESERV", DRIFT, null, "Reserv", mnkr("0.0", null, null),
                        Map.of(B2026, new Varde.NotDecided("Belopp ännu ej fastställt")), null))
                .expectException(invalid("printed." + B2026))
                .expectNoEvents();
    }

    @Test
    void an_amount_printed_in_kronor_is_refused_in_a_budget_of_mnkr() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, "L-BIDRAG", DRIFT, null, "Bidrag", null,
                        Map.of(B2026, VardeParser.amount("4 340 000 kr")), null))
                .expectException(invalid("printed." + B2026))
                .expectNoEvents();
    }

    @Test
    void a_printed_amount_with_two_decimals_is_refused() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, REGIONKANSLIET, DRIFT, null, "Regionkansliet", null,
                        Map.of(B2026, VardeParser.amount("-263,05")), null))
                .expectException(invalid("printed." + B2026))
                .expectNoEvents();
    }

    @Test
    void a_line_with_neither_printed_cells_nor_amounts_is_refused() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, REGIONKANSLIET, DRIFT, null, "Regionkansliet", null, null, null))
                .expectException(invalid("printed"))
                .expectNoEvents();
    }

    @Test
    void a_revision_keeps_its_cells_as_printed() {
        fixture.given(created(), driftTable(), halsovalsenheten(), adopted())
                .when(new ReviseBudgetLine(PLAN, null, HALSOVAL, null, Map.of(B2026, VardeParser.amount("−2 330,0")),
                        TILLAGGSBUDGET))
                .expectEvents(new BudgetLineRevised(PLAN, HALSOVAL, 2, Map.of(B2026, new BigDecimal("-2330.0")),
                        Map.of(B2026, VardeParser.amount("−2 330,0")), TILLAGGSBUDGET));
    }

    @Test
    void varav_children_are_never_summed_into_their_parent() {
        // the printed children of "Regionstyrelsens verksamheter, varav" (-263,0 -5,9 -43,3) do not add up to -370,4
        fixture.given(created(), driftTable(), rsVerksamheter(), regionkansliet())
                .when(new AddBudgetLine(PLAN, null, "L-STRATEGISK-DIGITALISERING", DRIFT, RS_VERKSAMHETER,
                        "Strategisk digitalisering inom förvaltning Regionservice", mnkr("-43.3", "-39.1", "-42.0"), null,
                        null))
                .expectEvents(new BudgetLineAdded(PLAN, "L-STRATEGISK-DIGITALISERING", DRIFT, RS_VERKSAMHETER,
                        "Strategisk digitalisering inom förvaltning Regionservice", 2, mnkr("-43.3", "-39.1", "-42.0"), null,
                        null));
    }

    @Test
    void a_blank_cell_is_absent_not_zero_and_whole_mnkr_get_one_decimal() {
        // "Omställningsreserv för demografiska utmaningar -100,0 - -"
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, "L-OMSTALLNINGSRESERV", DRIFT, null,
                        "Omställningsreserv för demografiska utmaningar", mnkr("-100", null, null), null, null))
                .expectEvents(new BudgetLineAdded(PLAN, "L-OMSTALLNINGSRESERV", DRIFT, null,
                        "Omställningsreserv för demografiska utmaningar", 0, Map.of(B2026, new BigDecimal("-100.0")), null,
                        null));
    }

    @Test
    void a_zero_amount_is_kept_as_zero() {
        // "- LOV tandreglering -6,0 0,0 0,0": 0,0 is a printed value, unlike a blank cell
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, "L-LOV-TANDREGLERING", DRIFT, null, "LOV tandreglering",
                        mnkr("-6.0", "0.0", "0.0"), null, null))
                .expectEvents(new BudgetLineAdded(PLAN, "L-LOV-TANDREGLERING", DRIFT, null, "LOV tandreglering", 0,
                        mnkr("-6.0", "0.0", "0.0"), null, null));
    }

    @Test
    void an_amount_with_more_than_one_decimal_is_refused() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, REGIONKANSLIET, DRIFT, null, "Regionkansliet",
                        mnkr("-263.05", "-230.6", "-257.1"), null, null))
                .expectException(invalid("amounts." + B2026))
                .expectNoEvents();
    }

    @Test
    void an_amount_in_a_column_the_table_does_not_have_is_refused() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, REGIONKANSLIET, DRIFT, null, "Regionkansliet",
                        Map.of(B2026, new BigDecimal("-263.0"), "U2025", new BigDecimal("-250.0")), null, null))
                .expectException(invalid("amounts.U2025"))
                .expectNoEvents();
    }

    @Test
    void a_line_in_an_unknown_table_is_refused() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, "L-RESULTAT", "RESULTAT", null, "Resultat",
                        Map.of(B2026, new BigDecimal("0.0")), null, null))
                .expectException(unknown("tableId"))
                .expectNoEvents();
    }

    @Test
    void the_parent_line_must_be_in_the_same_table() {
        BudgetLineAdded investering = new BudgetLineAdded(PLAN, "L-INV-IT", INVESTERING, null, "IT-investeringar", 0,
                Map.of(B2026, new BigDecimal("-25.0")), null, null);
        fixture.given(created(), driftTable(), investeringTable(), investering)
                .when(new AddBudgetLine(PLAN, null, REGIONKANSLIET, DRIFT, "L-INV-IT", "Regionkansliet",
                        mnkr("-263.0", "-230.6", "-257.1"), null, null))
                .expectException(unknown("parentLineId"))
                .expectNoEvents();
    }

    @Test
    void the_parent_line_must_exist() {
        fixture.given(created(), driftTable())
                .when(new AddBudgetLine(PLAN, null, REGIONKANSLIET, DRIFT, RS_VERKSAMHETER, "Regionkansliet",
                        mnkr("-263.0", "-230.6", "-257.1"), null, null))
                .expectException(unknown("parentLineId"))
                .expectNoEvents();
    }

    @Test
    void a_line_id_already_used_is_a_conflict() {
        fixture.given(created(), driftTable(), rsVerksamheter())
                .when(new AddBudgetLine(PLAN, null, RS_VERKSAMHETER, DRIFT, null, "Tandvårdsenheten, varav",
                        mnkr("-281.2", "-256.2", "-272.8"), null, null))
                .expectException(conflict("lineId"))
                .expectNoEvents();
    }

    @Test
    void while_utkast_a_line_correction_is_not_a_budget_version() {
        fixture.given(created(), driftTable(), rsVerksamheter())
                .when(new ReviseBudgetLine(PLAN, null, RS_VERKSAMHETER, mnkr("-370.5", "-332.0", "-361.3"), null, null))
                .expectEvents(new BudgetLineRevised(PLAN, RS_VERKSAMHETER, 0, mnkr("-370.5", "-332.0", "-361.3"), null,
                        null));
    }

    @Test
    void revising_an_unknown_line_is_refused() {
        fixture.given(created(), driftTable(), rsVerksamheter())
                .when(new ReviseBudgetLine(PLAN, null, HALSOVAL, mnkr("-2314.7", null, null), null, null))
                .expectException(unknown("lineId"))
                .expectNoEvents();
    }

    @Test
    void a_revised_amount_with_two_decimals_is_refused() {
        fixture.given(created(), driftTable(), rsVerksamheter(), adopted())
                .when(new ReviseBudgetLine(PLAN, null, RS_VERKSAMHETER, mnkr("-380.45", null, null), null,
                        TILLAGGSBUDGET))
                .expectException(invalid("amounts." + B2026))
                .expectNoEvents();
    }

    @Test
    void after_faststallande_the_first_revision_makes_budget_version_2() {
        fixture.given(created(), driftTable(), rsVerksamheter(), regionkansliet(), adopted())
                .when(new ReviseBudgetLine(PLAN, null, REGIONKANSLIET, mnkr("-273.0", "-230.6", "-257.1"), null,
                        TILLAGGSBUDGET))
                .expectEvents(new BudgetLineRevised(PLAN, REGIONKANSLIET, 2, mnkr("-273.0", "-230.6", "-257.1"), null,
                        TILLAGGSBUDGET));
    }

    @Test
    void lines_revised_under_the_same_beslut_share_one_budget_version() {
        fixture.given(created(), driftTable(), rsVerksamheter(), regionkansliet())
                .andGivenCommands(new AdoptPlan(PLAN, null, FASTSTALLD),
                        new ReviseBudgetLine(PLAN, null, REGIONKANSLIET, mnkr("-273.0", "-230.6", "-257.1"), null,
                                TILLAGGSBUDGET))
                .when(new ReviseBudgetLine(PLAN, null, RS_VERKSAMHETER, mnkr("-380.4", "-332.0", "-361.3"), null,
                        TILLAGGSBUDGET))
                .expectEvents(new BudgetLineRevised(PLAN, RS_VERKSAMHETER, 2, mnkr("-380.4", "-332.0", "-361.3"), null,
                        TILLAGGSBUDGET));
    }

    @Test
    void a_later_beslut_makes_budget_version_3() {
        fixture.given(created(), driftTable(), rsVerksamheter(), regionkansliet())
                .andGivenCommands(new AdoptPlan(PLAN, null, FASTSTALLD),
                        new ReviseBudgetLine(PLAN, null, REGIONKANSLIET, mnkr("-273.0", "-230.6", "-257.1"), null,
                                TILLAGGSBUDGET),
                        new ReviseBudgetLine(PLAN, null, RS_VERKSAMHETER, mnkr("-380.4", "-332.0", "-361.3"), null,
                                TILLAGGSBUDGET))
                .when(new ReviseBudgetLine(PLAN, null, REGIONKANSLIET, mnkr("-268.0", "-230.6", "-257.1"), null,
                        OMFORDELNING))
                .expectEvents(new BudgetLineRevised(PLAN, REGIONKANSLIET, 3, mnkr("-268.0", "-230.6", "-257.1"), null,
                        OMFORDELNING));
    }

    @Test
    void the_budget_version_survives_reloading_the_plan_from_its_events() {
        // same history as above, but given as recorded events: the version is rebuilt from the stream
        fixture.given(created(), driftTable(), rsVerksamheter(), regionkansliet(), adopted(),
                        new BudgetLineRevised(PLAN, REGIONKANSLIET, 2, mnkr("-273.0", "-230.6", "-257.1"), null,
                                TILLAGGSBUDGET),
                        new BudgetLineRevised(PLAN, RS_VERKSAMHETER, 2, mnkr("-380.4", "-332.0", "-361.3"), null,
                                TILLAGGSBUDGET),
                        new BudgetLineRevised(PLAN, REGIONKANSLIET, 3, mnkr("-268.0", "-230.6", "-257.1"), null,
                                OMFORDELNING))
                .when(new ReviseBudgetLine(PLAN, null, RS_VERKSAMHETER, mnkr("-375.4", "-332.0", "-361.3"), null,
                        OMFORDELNING))
                .expectEvents(new BudgetLineRevised(PLAN, RS_VERKSAMHETER, 3, mnkr("-375.4", "-332.0", "-361.3"), null,
                        OMFORDELNING));
    }

    /** An utkast is changed freely; a beslut cited there would be mistaken for a budget version. */
    @Test
    void an_utkast_change_citing_a_beslut_is_refused() {
        fixture.given(created(), driftTable(), rsVerksamheter(), regionkansliet())
                .when(new ReviseBudgetLine(PLAN, null, REGIONKANSLIET, mnkr("-263.0", "-230.6", "-257.1"), null,
                        TILLAGGSBUDGET))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
    }
}
