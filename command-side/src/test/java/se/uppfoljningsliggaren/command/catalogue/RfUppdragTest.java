package se.uppfoljningsliggaren.command.catalogue;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.IssueRfUppdrag;
import se.uppfoljningsliggaren.kernel.catalogue.RfUppdragIssued;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;

/** Region-wide uppdrag from regionfullmäktige: one per year and number, given to one or several nämnder. */
class RfUppdragTest {

    private static final String NR_38_TEXT = "Att fortsätta arbetet för en ekonomi i balans.";
    private static final String NR_42_TEXT = "Att mot bakgrund av nämndernas beslut om strategier avseende klinisk "
            + "forskning och utbildning följa upp genomförandet.";

    private FixtureConfiguration<RfUppdrag> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RfUppdrag.class);
        fixture.registerInjectableResource(new StubCatalogueLookup()
                .namnd("RS", "SN", "RTN")
                .rfUppdrag("RF-2025-39", 2025, "RS")
                .rfUppdrag("RF-2026-38", 2026, "RS", "SN"));
    }

    @Test
    void the_identity_is_year_and_number() {
        assertEquals("RF-2026-38", CatalogueCommands.rfUppdragId(2026, 38));
    }

    @Test
    void nr_38_2026_is_given_to_regionstyrelsen_and_servicenamnden() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, NR_38_TEXT, List.of("RS", "SN"), null))
                .expectEvents(new RfUppdragIssued("RF-2026-38", 2026, 38, NR_38_TEXT, List.of("RS", "SN"), null))
                // what a plan may later ask of it: year and the nämnder it is given to
                .expectState(rf -> assertEquals(new RfUppdrag.RfUppdragLookup("RF-2026-38", 2026, Set.of("RS", "SN")),
                        rf.lookup()));
    }

    @Test
    void nr_42_2026_continues_nr_39_of_2025() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-42", 2026, 42, NR_42_TEXT, List.of("RS"), "RF-2025-39"))
                .expectEvents(new RfUppdragIssued("RF-2026-42", 2026, 42, NR_42_TEXT, List.of("RS"), "RF-2025-39"));
    }

    @Test
    void an_id_not_matching_year_and_number_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-39", 2026, 42, NR_42_TEXT, List.of("RS"), null))
                .expectException(invalid("rfUppdragId"))
                .expectNoEvents();
    }

    @Test
    void an_id_in_another_format_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("Nr 38", 2026, 38, NR_38_TEXT, List.of("RS"), null))
                .expectException(invalid("rfUppdragId"))
                .expectNoEvents();
    }

    @Test
    void the_number_must_be_positive() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-0", 2026, 0, NR_38_TEXT, List.of("RS"), null))
                .expectException(invalid("nr"))
                .expectNoEvents();
    }

    @Test
    void the_year_must_be_plausible() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-26-38", 26, 38, NR_38_TEXT, List.of("RS"), null))
                .expectException(invalid("year"))
                .expectNoEvents();
    }

    @Test
    void given_to_must_name_registered_namnder() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, NR_38_TEXT, List.of("RS", "HSN"), null))
                .expectException(unknown("givenTo"))
                .expectExceptionMessage("no nämnd with code HSN")
                .expectNoEvents();
    }

    @Test
    void given_to_must_name_at_least_one_namnd() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, NR_38_TEXT, List.of(), null))
                .expectException(invalid("givenTo"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, NR_38_TEXT, null, null))
                .expectException(invalid("givenTo"))
                .expectNoEvents();
    }

    @Test
    void given_to_must_not_name_a_namnd_twice() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, NR_38_TEXT, List.of("RS", "SN", "RS"), null))
                .expectException(invalid("givenTo"))
                .expectNoEvents();
    }

    @Test
    void an_uppdrag_cannot_continue_one_of_the_same_year() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-41", 2026, 41, "Att följa upp arbetet för en ekonomi i balans.",
                        List.of("RS"), "RF-2026-38"))
                .expectException(invalid("continuesFrom"))
                .expectNoEvents();
    }

    @Test
    void an_uppdrag_cannot_continue_one_of_a_later_year() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2024-50", 2024, 50, "Att inleda arbetet för en ekonomi i balans.",
                        List.of("RS"), "RF-2025-39"))
                .expectException(invalid("continuesFrom"))
                .expectNoEvents();
    }

    @Test
    void an_uppdrag_cannot_continue_one_never_issued() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-42", 2026, 42, NR_42_TEXT, List.of("RS"), "RF-2024-39"))
                .expectException(unknown("continuesFrom"))
                .expectNoEvents();
    }

    @Test
    void an_uppdrag_needs_its_text() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, " ", List.of("RS"), null))
                .expectException(invalid("text"))
                .expectNoEvents();
    }

    /**
     * Documents a bug: a JSON body {"givenTo": ["RS", null]} reaches the aggregate as a list holding null, and
     * {@code Set.copyOf} throws a NullPointerException (HTTP 500) instead of a rejection naming the field.
     */
    @Test
    void a_blank_entry_in_given_to_is_refused_naming_the_field() {
        fixture.givenNoPriorActivity()
                .when(new IssueRfUppdrag("RF-2026-38", 2026, 38, NR_38_TEXT, Arrays.asList("RS", null), null))
                .expectException(CommandRejectedException.class)
                .expectException(invalid("givenTo"))
                .expectNoEvents();
    }
}
