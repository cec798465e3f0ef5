package se.uppfoljningsliggaren.command.catalogue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterNamnd;
import se.uppfoljningsliggaren.kernel.catalogue.NamndRegistered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.uppfoljningsliggaren.command.Rejected.invalid;

/** Nämnder as reference data, identified by their short code. */
class NamndTest {

    private FixtureConfiguration<Namnd> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Namnd.class);
    }

    @Test
    void regionstyrelsen_is_registered_as_rs() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNamnd("RS", "Regionstyrelsen", "Regionkansliet"))
                .expectEvents(new NamndRegistered("RS", "Regionstyrelsen", "Regionkansliet"))
                .expectState(namnd -> assertEquals("RS", namnd.code()));
    }

    @Test
    void servicenamnden_is_registered_without_forvaltning() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNamnd("SN", "Servicenämnden", null))
                .expectEvents(new NamndRegistered("SN", "Servicenämnden", null));
    }

    @ParameterizedTest(name = "code {0} is accepted")
    @ValueSource(strings = {"RTN", "HSN", "KFN", "ÖN", "N1", "ABCDEFGHIJ"})
    void codes_are_short_capitals_and_digits(String code) {
        fixture.givenNoPriorActivity()
                .when(new RegisterNamnd(code, "Nämnd " + code, null))
                .expectEvents(new NamndRegistered(code, "Nämnd " + code, null));
    }

    @ParameterizedTest(name = "code ''{0}'' is refused")
    @ValueSource(strings = {"", "rs", "Rs", "1RS", "R S", "RS-2026", "REGIONSTYRELSEN", "ABCDEFGHIJK", "REGION"})
    void other_codes_are_refused(String code) {
        fixture.givenNoPriorActivity()
                .when(new RegisterNamnd(code, "Regionstyrelsen", null))
                .expectException(invalid("code"))
                .expectNoEvents();
    }

    @Test
    void a_missing_code_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNamnd(null, "Regionstyrelsen", null))
                .expectException(invalid("code"))
                .expectNoEvents();
    }

    @Test
    void a_namnd_needs_its_name() {
        fixture.givenNoPriorActivity()
                .when(new RegisterNamnd("RS", "  ", "Regionkansliet"))
                .expectException(invalid("name"))
                .expectNoEvents();
    }
}
