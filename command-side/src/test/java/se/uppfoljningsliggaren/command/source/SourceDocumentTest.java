package se.uppfoljningsliggaren.command.source;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.source.SourceCommands;
import se.uppfoljningsliggaren.kernel.source.SourceCommands.RegisterSourceDocument;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered.Field;

import java.util.List;

import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.kernel.source.SourceDocumentKind.VERKSAMHETSBERATTELSE;
import static se.uppfoljningsliggaren.kernel.source.SourceDocumentKind.VERKSAMHETSPLAN_MED_BUDGET;

/** The documents facts come from: registered once, with a diarienummer only where the document prints one. */
class SourceDocumentTest {

    private static final String PLAN_2026 = "Regionstyrelsens verksamhetsplan med budget 2026";

    private FixtureConfiguration<SourceDocument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SourceDocument.class);
    }

    @Test
    void the_2026_plan_is_registered_with_the_diarienummer_it_prints() {
        fixture.givenNoPriorActivity()
                .when(register("000", PLAN_2026, "25RS1234", List.of()))
                .expectEvents(new SourceDocumentRegistered("000", PLAN_2026, "RS", 2026, VERKSAMHETSPLAN_MED_BUDGET,
                        "25RS1234", List.of()));
    }

    @Test
    void a_verksamhetsberattelse_that_prints_no_diarienummer_says_so() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSourceDocument(SourceCommands.aggregateId("001"), "001",
                        "Regionstyrelsens verksamhetsberättelse 2024", "RS", 2024, VERKSAMHETSBERATTELSE, null,
                        List.of(Field.DIARIENUMMER)))
                .expectEvents(new SourceDocumentRegistered("001", "Regionstyrelsens verksamhetsberättelse 2024", "RS",
                        2024, VERKSAMHETSBERATTELSE, null, List.of(Field.DIARIENUMMER)));
    }

    @Test
    void a_diarienummer_is_neither_invented_nor_silently_left_out() {
        fixture.givenNoPriorActivity()
                .when(register("000", PLAN_2026, " ", List.of()))
                .expectException(invalid("diarienummer"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(register("000", PLAN_2026, "25RS1234", List.of(Field.DIARIENUMMER)))
                .expectException(invalid("notGivenInSource"))
                .expectNoEvents();
    }

    @Test
    void a_document_needs_its_title_and_year() {
        fixture.givenNoPriorActivity()
                .when(register("000", "", "25RS1234", List.of()))
                .expectException(invalid("title"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterSourceDocument(SourceCommands.aggregateId("000"), "000", PLAN_2026, "RS", null,
                        VERKSAMHETSPLAN_MED_BUDGET, "25RS1234", List.of()))
                .expectException(invalid("year"))
                .expectNoEvents();
    }

    private static RegisterSourceDocument register(String id, String title, String diarienummer, List<Field> notGiven) {
        return new RegisterSourceDocument(SourceCommands.aggregateId(id), id, title, "RS", 2026,
                VERKSAMHETSPLAN_MED_BUDGET, diarienummer, notGiven);
    }
}
