package se.uppfoljningsliggaren.command.followup;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.catalogue.StubCatalogueLookup;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.CorrectUtfall;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.RecordUtfall;
import se.uppfoljningsliggaren.kernel.followup.UtfallCorrected;
import se.uppfoljningsliggaren.kernel.followup.UtfallRecorded;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import se.uppfoljningsliggaren.command.plan.Plan;
import se.uppfoljningsliggaren.command.plan.PlanLookup;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;

class UtfallSeriesTest {

    private static final String INDIKATOR = "telefontillganglighet-primarvard";
    private static final String SERIES = FollowUpCommands.seriesId("RS", INDIKATOR, 2025);

    private AggregateTestFixture<UtfallSeries> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UtfallSeries.class);
        fixture.registerInjectableResource(new StubCatalogueLookup().namnd("RS").indikator(INDIKATOR));
        fixture.registerInjectableResource((PlanLookup) planId -> planId.equals("RS-2025")
                ? Optional.of(new Plan.PlanItems(planId, "RS", 2025, Set.of(), Set.of(), Set.of())) : Optional.empty());
    }

    private static PeriodValue figure(String value, String period) {
        return new PeriodValue(VardeParser.parse(value), Period.parse(period), PeriodValue.Basis.UTFALL);
    }

    private static UtfallRecorded recorded(String value, String period) {
        return new UtfallRecorded(SERIES, "RS", INDIKATOR, 2025, figure(value, period), List.of(), "Väntetidsdatabasen",
                null);
    }

    @Test
    void an_utfall_for_a_month_of_the_year_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(SERIES, null, "RS", INDIKATOR, 2025, null, figure("82 %", "maj 2025"), null,
                        "Väntetidsdatabasen", null))
                .expectEvents(recorded("82 %", "maj 2025"));
    }

    @Test
    void the_same_period_is_not_recorded_twice_a_change_is_a_correction() {
        fixture.given(recorded("82 %", "maj 2025"))
                .when(new RecordUtfall(SERIES, null, "RS", INDIKATOR, 2025, null, figure("83 %", "maj 2025"), null, null, null))
                .expectException(conflict("figure"))
                .expectNoEvents();
    }

    @Test
    void a_writer_who_saw_an_older_version_of_the_series_is_refused_not_overwritten() {
        fixture.given(recorded("82 %", "maj 2025"), recorded("83 %", "juni 2025"))
                .when(new RecordUtfall(SERIES, 0L, "RS", INDIKATOR, 2025, null, figure("84 %", "juli 2025"), null,
                        null, null))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
        fixture.given(recorded("82 %", "maj 2025"), recorded("83 %", "juni 2025"))
                .when(new RecordUtfall(SERIES, 1L, "RS", INDIKATOR, 2025, null, figure("84 %", "juli 2025"), null,
                        null, null))
                .expectEvents(new UtfallRecorded(SERIES, "RS", INDIKATOR, 2025, figure("84 %", "juli 2025"), List.of(),
                        null, null));
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(SERIES, 0L, "RS", INDIKATOR, 2025, null, figure("82 %", "maj 2025"), null,
                        null, null))
                .expectException(conflict("If-Match"))
                .expectNoEvents();
        fixture.given(recorded("82 %", "maj 2025"), recorded("83 %", "juni 2025"))
                .when(new CorrectUtfall(SERIES, 0L, figure("81 %", "maj 2025"), null, "Rättat underlag"))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void a_period_outside_the_year_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(SERIES, null, "RS", INDIKATOR, 2025, null, figure("82 %", "maj 2024"), null, null, null))
                .expectException(invalid("figure.period"))
                .expectNoEvents();
    }

    @Test
    void a_figure_of_the_year_before_is_reported_under_the_next_years_plan() {
        String series2024 = FollowUpCommands.seriesId("RS", INDIKATOR, 2024);
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(series2024, null, "RS", INDIKATOR, 2024, 2025, figure("80 %", "december 2024"), null,
                        null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_figure_two_years_before_the_plan_year_is_refused() {
        String series2023 = FollowUpCommands.seriesId("RS", INDIKATOR, 2023);
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(series2023, null, "RS", INDIKATOR, 2023, 2025, figure("78 %", "2023"), null, null, null))
                .expectException(invalid("figure.period"))
                .expectNoEvents();
    }

    @Test
    void a_figure_for_a_year_without_a_plan_is_refused() {
        String series2031 = FollowUpCommands.seriesId("RS", INDIKATOR, 2031);
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(series2031, null, "RS", INDIKATOR, 2031, null, figure("82 %", "maj 2031"), null, null,
                        null))
                .expectException(unknown("planYear"))
                .expectNoEvents();
    }

    @Test
    void an_unknown_indikator_is_refused() {
        String series = FollowUpCommands.seriesId("RS", "finns-inte", 2025);
        fixture.givenNoPriorActivity()
                .when(new RecordUtfall(series, null, "RS", "finns-inte", 2025, null, figure("82 %", "maj 2025"), null, null, null))
                .expectException(unknown("indikatorId"))
                .expectNoEvents();
    }

    @Test
    void a_correction_names_the_figure_it_corrects_and_why() {
        fixture.given(recorded("82 %", "maj 2025"))
                .when(new CorrectUtfall(SERIES, null, figure("81 %", "maj 2025"), null, "Rättat underlag"))
                .expectEvents(new UtfallCorrected(SERIES, "RS", INDIKATOR, 2025, figure("81 %", "maj 2025"),
                        figure("82 %", "maj 2025"), List.of(), "Rättat underlag"));
    }

    @Test
    void a_correction_of_a_figure_never_recorded_or_without_reason_is_refused() {
        fixture.given(recorded("82 %", "maj 2025"))
                .when(new CorrectUtfall(SERIES, null, figure("70 %", "april 2025"), null, "Fel"))
                .expectException(unknown("figure"))
                .expectNoEvents();
        fixture.given(recorded("82 %", "maj 2025"))
                .when(new CorrectUtfall(SERIES, null, figure("81 %", "maj 2025"), null, " "))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }
}
