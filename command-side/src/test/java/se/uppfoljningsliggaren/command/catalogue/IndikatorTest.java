package se.uppfoljningsliggaren.command.catalogue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterIndikator;
import se.uppfoljningsliggaren.kernel.catalogue.IndikatorRegistered;

import static se.uppfoljningsliggaren.command.Rejected.invalid;

/** The indikator catalogue: identities that stay the same across years. */
class IndikatorTest {

    private static final String ID = "IND-TELEFONTILLGANGLIGHET-PV";
    private static final String NAME = "Telefontillgängligheten i primärvård, inom 0 dagar";

    private FixtureConfiguration<Indikator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Indikator.class);
    }

    @Test
    void telefontillganglighet_is_registered_once_for_all_years() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIndikator(ID, NAME, "%", "Andel besvarade samtal samma dag (Utfall maj 2025: 82 %)."))
                .expectEvents(new IndikatorRegistered(ID, NAME, "%",
                        "Andel besvarade samtal samma dag (Utfall maj 2025: 82 %)."));
    }

    @Test
    void unit_and_description_are_optional_and_blank_means_absent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIndikator("IND-HME", "Hållbart medarbetarengagemang (HME)", " ", null))
                .expectEvents(new IndikatorRegistered("IND-HME", "Hållbart medarbetarengagemang (HME)", null, null));
    }

    @Test
    void an_id_with_swedish_letters_or_spaces_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIndikator("telefontillgänglighet primärvård", NAME, "%", null))
                .expectException(invalid("indikatorId"))
                .expectNoEvents();
    }

    @Test
    void an_indikator_needs_its_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIndikator(ID, "", "%", null))
                .expectException(invalid("name"))
                .expectNoEvents();
    }

    @Test
    void a_unit_longer_than_40_characters_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterIndikator(ID, NAME, "procent av samtliga inkommande samtal till vårdcentral", null))
                .expectException(invalid("unit"))
                .expectNoEvents();
    }
}
