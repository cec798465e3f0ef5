package se.uppfoljningsliggaren.command.followup;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.plan.PlanLookup;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.RecordOccasionFigureTable;
import se.uppfoljningsliggaren.kernel.followup.OccasionFigureTableRecorded;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Breakdown.Dimension;
import se.uppfoljningsliggaren.kernel.value.FigureTable;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Basis;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Cell;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Column;
import se.uppfoljningsliggaren.kernel.value.FigureTable.Row;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static se.uppfoljningsliggaren.command.Rejected.invalid;

/** The sjukfrånvaro of regionkansliet in RS's verksamhetsberättelse 2024 (001 §5.5), by kön as printed. */
class OccasionFigureTableTest {

    private static final String VB = "RS-VERKSAMHETSBERATTELSE-2024";
    private static final String SJUK = "sjukfranvaro";
    private static final Beslut VB_BESLUT = new Beslut("Regionstyrelsen", LocalDate.of(2025, 2, 12), "§ 20", "25RS0200");

    private FixtureConfiguration<Occasion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Occasion.class);
        fixture.registerInjectableResource((PlanLookup) planId -> Optional.empty());
    }

    private static OccasionOpened opened() {
        return new OccasionOpened(VB, "RS", 2024, "RS-2024", OccasionKind.VERKSAMHETSBERATTELSE, Period.ofYear(2024));
    }

    private static FigureTable sjukfranvaro(String columnOfTotal) {
        String group = "Utfall jan - dec 2024";
        List<Column> columns = List.of(new Column("2024-k", "Kvinnor", group, 2024, Basis.UTFALL, Dimension.SEX),
                new Column("2024-m", "Män", group, 2024, Basis.UTFALL, Dimension.SEX),
                new Column("2024-t", "Totalt", group, 2024, Basis.UTFALL, Dimension.SEX));
        Row total = new Row("sjukfranvaro-totalt", "Sjukfrånvaro totalt %", null, List.of(
                new Cell("2024-k", VardeParser.parse("4,3"), null), new Cell("2024-m", VardeParser.parse("0,8"), null),
                new Cell(columnOfTotal, VardeParser.parse("3,5"), null)));
        return new FigureTable(FigureTable.Kind.PERSONALEKONOMI, "Sjukfrånvaro", "%", columns, List.of(total),
                List.of());
    }

    @Test
    void the_sjukfranvaro_by_kon_is_recorded_as_printed() {
        fixture.given(opened())
                .when(new RecordOccasionFigureTable(VB, null, SJUK, sjukfranvaro("2024-t"), null))
                .expectEvents(new OccasionFigureTableRecorded(VB, SJUK, sjukfranvaro("2024-t"), null));
    }

    @Test
    void a_cell_in_a_column_the_table_does_not_have_is_refused() {
        fixture.given(opened())
                .when(new RecordOccasionFigureTable(VB, null, SJUK, sjukfranvaro("2023-t"), null))
                .expectException(invalid("table.rows.cells.column"))
                .expectNoEvents();
    }

    @Test
    void after_fastställande_a_table_is_recorded_only_with_a_beslut() {
        fixture.given(opened(), new OccasionAdopted(VB, VB_BESLUT))
                .when(new RecordOccasionFigureTable(VB, null, SJUK, sjukfranvaro("2024-t"), null))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
    }
}
