package se.uppfoljningsliggaren.command.followup;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.plan.PlanLookup;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.RecordResultatrapport;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.followup.ResultatLine;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static se.uppfoljningsliggaren.command.Rejected.invalid;

/** The resultatrapport of RS's verksamhetsberättelse 2024 (001 §4.1), its amounts kept as printed. */
class OccasionResultatrapportTest {

    private static final String VB = "RS-VERKSAMHETSBERATTELSE-2024";
    private static final String TITLE = "Resultatrapport regionstyrelsen (mnkr)";

    private FixtureConfiguration<Occasion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Occasion.class);
        fixture.registerInjectableResource((PlanLookup) planId -> Optional.empty());
    }

    private static OccasionOpened opened() {
        return new OccasionOpened(VB, "RS", 2024, "RS-2024", OccasionKind.VERKSAMHETSBERATTELSE, Period.ofYear(2024));
    }

    /** "Hälsovalsenheten, varav -2 077,9 -2 152,3 -2 027,0": utfall 2024, budget 2024, utfall 2023. */
    private static Map<String, Varde> halsoval() {
        Map<String, Varde> printed = new LinkedHashMap<>();
        printed.put("utfall", VardeParser.amount("-2 077,9"));
        printed.put("budget", VardeParser.amount("-2 152,3"));
        printed.put("utfallPreviousYear", VardeParser.amount("-2 027,0"));
        return printed;
    }

    private static RecordResultatrapport recorded(ResultatLine line) {
        return new RecordResultatrapport(VB, null, TITLE, "aktuell", List.of(line), null);
    }

    @Test
    void a_row_keeps_its_amounts_as_printed_and_the_numbers_read_from_them() {
        fixture.given(opened())
                .when(recorded(new ResultatLine("hv", null, "Hälsovalsenheten, varav", null, null, null, null,
                        halsoval())))
                .expectEvents(new ResultatrapportRecorded(VB, TITLE, "aktuell", List.of(new ResultatLine("hv", null,
                        "Hälsovalsenheten, varav", new BigDecimal("-2152.3"), new BigDecimal("-2077.9"),
                        new BigDecimal("-2027.0"), null, halsoval())), null));
    }

    @Test
    void a_row_given_as_numbers_alone_keeps_no_printed_form() {
        fixture.given(opened())
                .when(recorded(new ResultatLine("hv", null, "Hälsovalsenheten, varav", new BigDecimal("-2152.3"),
                        new BigDecimal("-2077.9"), null, null, null)))
                .expectEvents(new ResultatrapportRecorded(VB, TITLE, "aktuell", List.of(new ResultatLine("hv", null,
                        "Hälsovalsenheten, varav", new BigDecimal("-2152.3"), new BigDecimal("-2077.9"), null, null,
                        null)), null));
    }

    @Test
    void a_printed_amount_and_a_number_that_disagree_are_refused_naming_the_amount() {
        fixture.given(opened())
                .when(recorded(new ResultatLine("hv", null, "Hälsovalsenheten, varav", null, new BigDecimal("-2077.0"),
                        null, null, halsoval())))
                .expectException(invalid("lines.printed.utfall"))
                .expectNoEvents();
    }

    @Test
    void a_prognos_not_yet_given_is_kept_in_words_with_no_number() {
        Map<String, Varde> printed = new LinkedHashMap<>(halsoval());
        printed.put("prognos", new Varde.NotDecided("Prognos lämnas i april"));
        expectHalsovalKeptAsPrinted(printed);
    }

    @Test
    void the_printed_budgetavvikelse_and_forandring_are_kept_beside_the_amounts_and_compute_nothing() {
        Map<String, Varde> printed = new LinkedHashMap<>(halsoval());
        printed.put("budgetavvikelse", VardeParser.amount("74,4"));
        printed.put("forandring", VardeParser.amount("-50,9"));
        expectHalsovalKeptAsPrinted(printed);
    }

    /** Hälsovalsenheten's line given in print only: its amounts parsed from the print, the print kept beside them. */
    private void expectHalsovalKeptAsPrinted(Map<String, Varde> printed) {
        fixture.given(opened())
                .when(recorded(new ResultatLine("hv", null, "Hälsovalsenheten, varav", null, null, null, null,
                        printed)))
                .expectEvents(new ResultatrapportRecorded(VB, TITLE, "aktuell", List.of(new ResultatLine("hv", null,
                        "Hälsovalsenheten, varav", new BigDecimal("-2152.3"), new BigDecimal("-2077.9"),
                        new BigDecimal("-2027.0"), null, printed)), null));
    }

    @Test
    void a_printed_amount_under_a_name_a_row_does_not_have_is_refused() {
        fixture.given(opened())
                .when(recorded(new ResultatLine("hv", null, "Hälsovalsenheten, varav", null, null, null, null,
                        Map.of("avvikelse", VardeParser.amount("74,4")))))
                .expectException(invalid("lines.printed.avvikelse"))
                .expectNoEvents();
    }

    @Test
    void a_resultatrapport_that_does_not_say_which_budget_it_compares_against_records_no_version() {
        ResultatLine line = new ResultatLine("hv", null, "Hälsovalsenheten, varav", null, null, null, null, halsoval());
        fixture.given(opened())
                .when(new RecordResultatrapport(VB, null, TITLE, null, List.of(line), null))
                .expectEvents(new ResultatrapportRecorded(VB, TITLE, null, List.of(new ResultatLine("hv", null,
                        "Hälsovalsenheten, varav", new BigDecimal("-2152.3"), new BigDecimal("-2077.9"),
                        new BigDecimal("-2027.0"), null, halsoval())), null));
    }

    @Test
    void a_budget_version_other_than_beslutad_or_aktuell_is_refused() {
        fixture.given(opened())
                .when(new RecordResultatrapport(VB, null, TITLE, "reviderad", List.of(new ResultatLine("hv", null,
                        "Hälsovalsenheten, varav", null, null, null, null, halsoval())), null))
                .expectException(invalid("budgetVersion"))
                .expectNoEvents();
    }

    @Test
    void an_amount_with_two_decimals_is_refused() {
        fixture.given(opened())
                .when(recorded(new ResultatLine("hv", null, "Hälsovalsenheten, varav", new BigDecimal("-2152.35"),
                        null, null, null, null)))
                .expectException(invalid("lines.budget"))
                .expectNoEvents();
    }
}
