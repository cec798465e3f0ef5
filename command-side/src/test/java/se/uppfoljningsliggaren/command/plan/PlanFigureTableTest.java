package se.uppfoljningsliggaren.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.plan.FigureTableRecorded;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.RecordPlanFigureTable;
import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Basis;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Cell;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Column;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Row;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.util.List;

import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;
import static se.uppfoljningsliggaren.command.plan.Rs2026.*;

/** RS 2026's bidrag table (000 §4.2): amounts in kr as printed, the Finsam amount not yet decided. */
class PlanFigureTableTest {

    private static final String BIDRAG = "bidrag";

    private FixtureConfiguration<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        fixture.registerInjectableResource(Rs2026.catalogue());
    }

    private static List<Column> columns() {
        return List.of(new Column("belopp-2025", "Belopp 2025", null, 2025, Basis.BELOPP, null),
                new Column("upprakning", "Uppräkning", null, null, Basis.TEXT, null),
                new Column("belopp-2026", "Belopp 2026", null, 2026, Basis.BELOPP, null));
    }

    private static FigureTable bidrag(List<Row> rows) {
        return new FigureTable(FigureTable.Kind.BIDRAG, "Bidrag, belopp i kr", "kr", columns(), rows,
                List.of("1) Inklusive utökat föreningsbidrag"));
    }

    private static Row finsam() {
        return new Row("finsam", "Finsamförbunden i Örebro län", null, List.of(
                new Cell("belopp-2025", VardeParser.parse("4 340 000"), null),
                new Cell("belopp-2026", new Varde.NotDecided("Belopp ännu ej fastställt"), null)));
    }

    @Test
    void a_bidrag_table_is_recorded_with_an_amount_not_yet_decided_as_printed() {
        FigureTable table = bidrag(List.of(finsam()));
        fixture.given(created())
                .when(new RecordPlanFigureTable(PLAN, null, BIDRAG, table, null))
                .expectEvents(new FigureTableRecorded(PLAN, BIDRAG, table, null));
    }

    @Test
    void a_signed_figure_in_a_table_is_the_figure_as_printed_not_a_change_target() {
        List<Column> columns = List.of(new Column("utfall-2024", "Utfall 2024", null, 2024, Basis.UTFALL, null));
        Row takt = new Row("takt", "Lönekostnadsökningstakt", null,
                List.of(new Cell("utfall-2024", VardeParser.parse("-4,9"), null)));
        FigureTable printed = new FigureTable(FigureTable.Kind.NYCKELTAL, "Ekonomiska nyckeltal", "%", columns,
                List.of(takt), List.of());
        FigureTable typed = new FigureTable(FigureTable.Kind.NYCKELTAL, "Ekonomiska nyckeltal", "%", columns,
                List.of(new Row("takt", "Lönekostnadsökningstakt", null,
                        List.of(new Cell("utfall-2024", VardeParser.amount("-4,9"), null)))), List.of());
        fixture.given(created())
                .when(new RecordPlanFigureTable(PLAN, null, "nyckeltal", printed, null))
                .expectEvents(new FigureTableRecorded(PLAN, "nyckeltal", typed, null));
    }

    @Test
    void recorded_again_under_its_id_after_fastställande_it_needs_a_beslut() {
        FigureTable table = bidrag(List.of(finsam()));
        fixture.given(created(), new FigureTableRecorded(PLAN, BIDRAG, table, null), new PlanAdopted(PLAN, FASTSTALLD))
                .when(new RecordPlanFigureTable(PLAN, null, BIDRAG, table, null))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
        fixture.given(created(), new FigureTableRecorded(PLAN, BIDRAG, table, null), new PlanAdopted(PLAN, FASTSTALLD))
                .when(new RecordPlanFigureTable(PLAN, null, BIDRAG, table, TILLAGGSBUDGET))
                .expectEvents(new FigureTableRecorded(PLAN, BIDRAG, table, TILLAGGSBUDGET));
    }

    @Test
    void a_cell_stands_in_a_column_of_the_table() {
        Row row = new Row("finsam", "Finsamförbunden i Örebro län", null,
                List.of(new Cell("belopp-2027", VardeParser.parse("4 340 000"), null)));
        fixture.given(created())
                .when(new RecordPlanFigureTable(PLAN, null, BIDRAG, bidrag(List.of(row)), null))
                .expectException(invalid("table.rows.cells.column"))
                .expectNoEvents();
    }

    @Test
    void a_row_is_given_once_and_its_parent_is_printed_above_it() {
        fixture.given(created())
                .when(new RecordPlanFigureTable(PLAN, null, BIDRAG, bidrag(List.of(finsam(), finsam())), null))
                .expectException(invalid("table.rows.key"))
                .expectNoEvents();
        Row part = new Row("del", "varav", "finsam", List.of());
        fixture.given(created())
                .when(new RecordPlanFigureTable(PLAN, null, BIDRAG, bidrag(List.of(part, finsam())), null))
                .expectException(unknown("table.rows.parent"))
                .expectNoEvents();
    }

    @Test
    void a_column_key_is_used_once() {
        List<Column> twice = List.of(new Column("b", "Budget 2026", null, 2026, Basis.BUDGET, null),
                new Column("b", "Budget 2025", null, 2025, Basis.BUDGET, null));
        FigureTable table = new FigureTable(FigureTable.Kind.NYCKELTAL, "Ekonomiska nyckeltal", "Procent", twice,
                List.of(new Row("lonekostnadsokningstakt", "Lönekostnadsökningstakt", null, List.of())), List.of());
        fixture.given(created())
                .when(new RecordPlanFigureTable(PLAN, null, "nyckeltal", table, null))
                .expectException(invalid("table.columns.key"))
                .expectNoEvents();
    }
}
