package se.uppfoljningsliggaren.command.ik;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.catalogue.StubCatalogueLookup;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AdoptIskBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.RecordIskBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkValues.Krav;
import se.uppfoljningsliggaren.kernel.ik.IkValues.KravBedomning;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningRecorded;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.LocalDate;
import java.util.List;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;

class IskBedomningTest {

    private static final String ISK = IkCommands.iskId("RS", 2024);
    private static final String MOTIVATION = "Den interna styrningen och kontrollen är ändamålsenligt utformad.";
    private static final Beslut BESLUT = new Beslut("Regionstyrelsen", LocalDate.of(2025, 2, 26), "§ 30", "25RS2");

    private AggregateTestFixture<IskBedomning> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IskBedomning.class);
        fixture.registerInjectableResource(new StubCatalogueLookup().namnd("RS"));
    }

    private static RecordIskBedomning record(boolean tillracklig, Beslut revisionBeslut, KravBedomning... krav) {
        return new RecordIskBedomning(ISK, null, "RS", 2024, tillracklig, MOTIVATION, List.of(krav), revisionBeslut);
    }

    @Test
    void a_namnd_records_its_bedomning_with_motivation_and_per_krav() {
        KravBedomning e = new KravBedomning(Krav.E, false, "Informationsklassning saknas.");
        fixture.givenNoPriorActivity()
                .when(record(true, null, e))
                .expectEvents(new IskBedomningRecorded(ISK, "RS", 2024, true, MOTIVATION, List.of(e), null));
    }

    @Test
    void a_writer_who_saw_an_older_version_of_the_bedomning_is_refused_not_overwritten() {
        IskBedomningRecorded first = new IskBedomningRecorded(ISK, "RS", 2024, true, MOTIVATION, List.of(), null);
        fixture.given(first, first)
                .when(new RecordIskBedomning(ISK, 0L, "RS", 2024, false, MOTIVATION, List.of(), null))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
        fixture.given(first, first)
                .when(new RecordIskBedomning(ISK, 1L, "RS", 2024, false, MOTIVATION, List.of(), null))
                .expectEvents(new IskBedomningRecorded(ISK, "RS", 2024, false, MOTIVATION, List.of(), null));
    }

    @Test
    void a_bedomning_needs_its_outcome_and_motivation() {
        fixture.givenNoPriorActivity()
                .when(new RecordIskBedomning(ISK, null, "RS", 2024, null, MOTIVATION, List.of(), null))
                .expectException(invalid("tillracklig"));
        fixture.givenNoPriorActivity()
                .when(new RecordIskBedomning(ISK, null, "RS", 2024, true, "", List.of(), null))
                .expectException(invalid("motivation"));
    }

    @Test
    void a_krav_bedomning_says_whether_the_krav_is_met() {
        fixture.givenNoPriorActivity()
                .when(record(true, null, new KravBedomning(Krav.E, null, "Informationsklassning saknas.")))
                .expectException(invalid("krav.tillracklig"))
                .expectNoEvents();
    }

    @Test
    void a_krav_is_assessed_once() {
        KravBedomning a = new KravBedomning(Krav.A, true, null);
        fixture.givenNoPriorActivity()
                .when(record(true, null, a, a))
                .expectException(invalid("krav"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_namnd_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordIskBedomning("ISK-XX-2024", null, "XX", 2024, true, MOTIVATION, List.of(), null))
                .expectException(unknown("namnd"));
    }

    @Test
    void regionstyrelsen_records_the_samlad_bedomning_for_the_region() {
        String region = IkCommands.iskId(null, 2024);
        fixture.givenNoPriorActivity()
                .when(new RecordIskBedomning(region, null, null, 2024, true, MOTIVATION, List.of(), null))
                .expectEvents(new IskBedomningRecorded(region, null, 2024, true, MOTIVATION, List.of(), null));
    }

    @Test
    void once_fastststalld_a_new_bedomning_cites_a_beslut_and_a_second_fastststallande_is_refused() {
        IskBedomningRecorded recorded = new IskBedomningRecorded(ISK, "RS", 2024, true, MOTIVATION, List.of(), null);
        fixture.given(recorded, new IskBedomningAdopted(ISK, BESLUT))
                .when(record(false, null))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
        fixture.given(recorded, new IskBedomningAdopted(ISK, BESLUT))
                .when(record(false, BESLUT))
                .expectEvents(new IskBedomningRecorded(ISK, "RS", 2024, false, MOTIVATION, List.of(), BESLUT));
        fixture.given(recorded, new IskBedomningAdopted(ISK, BESLUT))
                .when(new AdoptIskBedomning(ISK, null, BESLUT))
                .expectException(conflict("status"));
    }
}
