package se.uppfoljningsliggaren.command.ik;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.command.catalogue.StubCatalogueLookup;
import se.uppfoljningsliggaren.command.followup.Occasion.OccasionFacts;
import se.uppfoljningsliggaren.command.followup.OccasionLookup;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardAdded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardRevised;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkRisk;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AdoptIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ChangeIkAtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.CreateIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.EvaluateIkAtgardEffect;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ReviseIkAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanCreated;
import se.uppfoljningsliggaren.kernel.ik.IkRiskAdded;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.EffektSvar;
import se.uppfoljningsliggaren.kernel.ik.IkValues.Krav;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskVardering;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static se.uppfoljningsliggaren.command.Rejected.conflict;
import static se.uppfoljningsliggaren.command.Rejected.invalid;
import static se.uppfoljningsliggaren.command.Rejected.unknown;

class InternkontrollplanTest {

    private static final String PLAN = IkCommands.ikPlanId("RS", 2024);
    private static final String REGION = IkCommands.ikPlanId(null, 2024);
    private static final String VB = "RS-VERKSAMHETSBERATTELSE-2024";
    private static final String DELAR = "RS-DELARSRAPPORT-per_31_augusti_2024";
    private static final Beslut ADOPTION = new Beslut("Regionstyrelsen", LocalDate.of(2023, 12, 13), "§ 200", "23RS1");
    private static final Beslut VB_BESLUT = new Beslut("Regionstyrelsen", LocalDate.of(2025, 2, 26), "§ 30", "25RS2");
    private static final RiskContent KOMMUNIKATION = new RiskContent("Kommunikation",
            "Risken att de ordinarie externa eller interna kanalerna inte fungerar eller räcker till.", Set.of(), null);
    private static final AtgardContent KANALER = new AtgardContent("Identifiera och planera för lägen när kanalerna "
            + "inte fungerar eller räcker till samt att ta fram en rutin kopplat till riktlinjen för kriskommunikation.",
            null, null, null);

    private AggregateTestFixture<Internkontrollplan> fixture;
    private Beslut occasionAdoptedBy;
    private Beslut delarAdoptedBy;
    private boolean regionFaststalld = true;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Internkontrollplan.class);
        fixture.registerInjectableResource(new StubCatalogueLookup().namnd("RS"));
        fixture.registerInjectableResource((IkPlanLookup) id -> id.equals(REGION)
                ? Optional.of(new Internkontrollplan.IkPlanItems(REGION, null, 2024, Set.of("sam"), Set.of("sam-a1"),
                        regionFaststalld))
                : Optional.empty());
        fixture.registerInjectableResource((OccasionLookup) id -> switch (id) {
            case VB -> Optional.of(new OccasionFacts(VB, "RS", 2024, OccasionKind.VERKSAMHETSBERATTELSE,
                    Period.ofYear(2024), occasionAdoptedBy));
            case DELAR -> Optional.of(new OccasionFacts(DELAR, "RS", 2024, OccasionKind.DELARSRAPPORT,
                    Period.parse("per 31 augusti 2024"), delarAdoptedBy));
            case "RS-PERIODRAPPORT-maj_2024" -> Optional.of(new OccasionFacts(id, "RS", 2024,
                    OccasionKind.PERIODRAPPORT, Period.parse("maj 2024"), null));
            case "SN-VERKSAMHETSBERATTELSE-2024" -> Optional.of(new OccasionFacts(id, "SN", 2024,
                    OccasionKind.VERKSAMHETSBERATTELSE, Period.ofYear(2024), null));
            default -> Optional.empty();
        });
    }

    private static Object[] adoptedPlan() {
        return new Object[]{new IkPlanCreated(PLAN, "RS", 2024),
                new IkRiskAdded(PLAN, "kom", KOMMUNIKATION, null),
                new IkAtgardAdded(PLAN, "kom-a1", "kom", false, KANALER, null),
                new IkPlanAdopted(PLAN, ADOPTION)};
    }

    private static ChangeIkAtgardStatus status(String atgard, AtgardStatus status, String datum) {
        return new ChangeIkAtgardStatus(PLAN, null, atgard, false, status, LocalDate.parse(datum),
                "Åtgärden har inte genomförts helt enligt plan.", null);
    }

    @Test
    void a_plan_is_created_for_a_known_namnd_and_year() {
        fixture.givenNoPriorActivity()
                .when(new CreateIkPlan(PLAN, "RS", 2024))
                .expectEvents(new IkPlanCreated(PLAN, "RS", 2024));
    }

    @Test
    void a_plan_for_an_unknown_namnd_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateIkPlan("IK-XX-2024", "XX", 2024))
                .expectException(unknown("namnd"));
    }

    @Test
    void a_risk_is_kept_with_the_krav_it_threatens_and_its_riskvarde() {
        RiskContent content = new RiskContent("Informationssäkerhet", "Risken att …", Set.of(Krav.E),
                new RiskVardering(3, 4));
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024))
                .when(new AddIkRisk(PLAN, null, "is", content, null))
                .expectEvents(new IkRiskAdded(PLAN, "is", content, null));
    }

    @Test
    void a_risk_threatens_only_the_krav_of_intern_kontroll() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024))
                .when(new AddIkRisk(PLAN, null, "ek", new RiskContent("Ekonomi", "Risken att …", Set.of(Krav.B), null),
                        null))
                .expectException(invalid("krav"))
                .expectNoEvents();
    }

    @Test
    void a_risk_valuation_is_on_the_scales_one_to_four() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024))
                .when(new AddIkRisk(PLAN, null, "ek", new RiskContent("Ekonomi", "Risken att …", Set.of(),
                        new RiskVardering(5, 2)), null))
                .expectException(invalid("riskvardering.sannolikhet"))
                .expectNoEvents();
    }

    @Test
    void an_atgard_belongs_to_a_risk_of_the_plan() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024))
                .when(new AddIkAtgard(PLAN, null, "x-a1", "finns-inte", false, KANALER, null))
                .expectException(unknown("riskId"))
                .expectNoEvents();
    }

    @Test
    void a_namnd_may_add_its_own_atgard_under_a_regionovergripande_risk() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024))
                .when(new AddIkAtgard(PLAN, null, "sam-egen", "sam", true, KANALER, null))
                .expectEvents(new IkAtgardAdded(PLAN, "sam-egen", "sam", true, KANALER, null));
    }

    @Test
    void a_revision_of_a_fastststalld_plan_needs_a_beslut() {
        AtgardContent revised = new AtgardContent("Ta fram rutin för kriskommunikation.", "Staben kommunikation",
                "Regionstyrelsen", "2024");
        Beslut revision = new Beslut("Regionstyrelsen", LocalDate.of(2024, 4, 10), "§ 77", "24RS9");
        fixture.given(adoptedPlan())
                .when(new ReviseIkAtgard(PLAN, null, "kom-a1", revised, null))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
        fixture.given(adoptedPlan())
                .when(new ReviseIkAtgard(PLAN, null, "kom-a1", revised, revision))
                .expectEvents(new IkAtgardRevised(PLAN, "kom-a1", revised, revision));
    }

    @Test
    void an_atgard_moves_through_its_lifecycle_with_a_comment_at_every_step() {
        fixture.given(adoptedPlan())
                .andGivenCommands(status("kom-a1", AtgardStatus.PAGAENDE, "2024-03-01"))
                .when(status("kom-a1", AtgardStatus.EJ_GENOMFORD, "2024-12-31"))
                .expectEvents(new IkAtgardStatusChanged(PLAN, "kom-a1", false, AtgardStatus.PAGAENDE,
                        AtgardStatus.EJ_GENOMFORD, LocalDate.of(2024, 12, 31),
                        "Åtgärden har inte genomförts helt enligt plan.", null));
    }

    @Test
    void an_avslutad_atgard_cannot_go_back_to_planerad() {
        fixture.given(adoptedPlan())
                .andGivenCommands(status("kom-a1", AtgardStatus.AVSLUTAD, "2024-12-31"))
                .when(status("kom-a1", AtgardStatus.PLANERAD, "2024-12-31"))
                .expectException(conflict("status"))
                .expectNoEvents();
    }

    @Test
    void a_pagaende_atgard_does_not_go_back_to_planerad_and_nothing_moves_to_itself() {
        fixture.given(adoptedPlan())
                .andGivenCommands(status("kom-a1", AtgardStatus.PAGAENDE, "2024-03-01"))
                .when(status("kom-a1", AtgardStatus.PLANERAD, "2024-04-01"))
                .expectException(conflict("status"))
                .expectNoEvents();
        fixture.given(adoptedPlan())
                .andGivenCommands(status("kom-a1", AtgardStatus.PAGAENDE, "2024-03-01"))
                .when(status("kom-a1", AtgardStatus.PAGAENDE, "2024-04-01"))
                .expectException(conflict("status"))
                .expectNoEvents();
    }

    @Test
    void once_the_verksamhetsberattelse_is_fastststalld_a_step_within_the_year_cites_a_beslut() {
        occasionAdoptedBy = VB_BESLUT;
        fixture.given(adoptedPlan())
                .when(status("kom-a1", AtgardStatus.AVSLUTAD, "2024-12-20"))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
        Beslut revision = new Beslut("Regionstyrelsen", LocalDate.of(2025, 3, 5), "§ 41", "25RS7");
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.AVSLUTAD,
                        LocalDate.of(2024, 12, 20), "Rutinen blev klar i december.", revision))
                .expectEvents(new IkAtgardStatusChanged(PLAN, "kom-a1", false, AtgardStatus.PLANERAD,
                        AtgardStatus.AVSLUTAD, LocalDate.of(2024, 12, 20), "Rutinen blev klar i december.", revision));
        fixture.given(adoptedPlan())
                .when(status("kom-a1", AtgardStatus.AVSLUTAD, "2025-01-15"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void once_a_delarsrapport_that_followed_up_the_plan_is_fastststalld_a_step_dated_by_its_end_cites_a_beslut() {
        delarAdoptedBy = new Beslut("Regionstyrelsen", LocalDate.of(2024, 10, 2), "§ 150", "24RS400");
        Object effect = new IkAtgardEffectEvaluated(PLAN, "kom-a1", false, DELAR, EffektSvar.DELVIS, "Pågår.", null);
        fixture.given(adoptedPlan()).andGiven(effect)
                .when(status("kom-a1", AtgardStatus.PAGAENDE, "2024-06-01"))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
        fixture.given(adoptedPlan()).andGiven(effect)
                .when(status("kom-a1", AtgardStatus.PAGAENDE, "2024-09-15"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_step_that_changes_both_the_delarsrapport_and_the_verksamhetsberattelse_cites_a_beslut_after_both() {
        delarAdoptedBy = new Beslut("Regionstyrelsen", LocalDate.of(2024, 10, 2), "§ 150", "24RS400");
        occasionAdoptedBy = VB_BESLUT;
        Object effect = new IkAtgardEffectEvaluated(PLAN, "kom-a1", false, DELAR, EffektSvar.DELVIS, "Pågår.", null);
        Beslut between = new Beslut("Regionstyrelsen", LocalDate.of(2024, 11, 1), "§ 170", "24RS450");
        fixture.given(adoptedPlan()).andGiven(effect)
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.PAGAENDE,
                        LocalDate.of(2024, 6, 1), "Startade i juni.", between))
                .expectException(invalid("revisionBeslut.datum"))
                .expectNoEvents();
    }

    @Test
    void regionovergripande_atgarder_are_reported_on_once_regionstyrelsen_has_decided_them() {
        regionFaststalld = false;
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "sam-a1", true, AtgardStatus.AVSLUTAD,
                        LocalDate.of(2024, 12, 31), "Avslutad", null))
                .expectException(invalid("regionovergripande"))
                .expectNoEvents();
    }

    @Test
    void a_plan_is_fastststalld_only_when_every_risk_has_an_atgard() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024), new IkRiskAdded(PLAN, "kom", KOMMUNIKATION, null))
                .when(new AdoptIkPlan(PLAN, null, ADOPTION))
                .expectException(invalid("risks"))
                .expectNoEvents();
    }

    @Test
    void an_atgard_under_a_regionovergripande_risk_names_the_risk() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024))
                .when(new AddIkAtgard(PLAN, null, "sam-egen", null, true, KANALER, null))
                .expectException(invalid("riskId"))
                .expectNoEvents();
    }

    @Test
    void a_status_on_an_atgard_that_does_not_exist_is_refused() {
        fixture.given(adoptedPlan())
                .when(status("finns-inte", AtgardStatus.AVSLUTAD, "2024-12-31"))
                .expectException(unknown("atgardId"))
                .expectNoEvents();
    }

    @Test
    void a_status_needs_a_comment() {
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.AVSLUTAD,
                        LocalDate.of(2024, 12, 31), " ", null))
                .expectException(invalid("comment"))
                .expectNoEvents();
    }

    @Test
    void a_status_whose_date_the_source_does_not_print_is_recorded_as_reported_in_the_follow_up() {
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.AVSLUTAD, null, null, null,
                        VB))
                .expectEvents(new IkAtgardStatusChanged(PLAN, "kom-a1", false, AtgardStatus.PLANERAD,
                        AtgardStatus.AVSLUTAD, null, null, null, VB, LocalDate.of(2024, 12, 31)));
    }

    @Test
    void a_status_without_a_date_names_a_follow_up_of_the_plans_namnd_and_year() {
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.AVSLUTAD, null, "Klar.",
                        null))
                .expectException(invalid("datum"))
                .expectNoEvents();
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.AVSLUTAD, null, null, null,
                        "SN-VERKSAMHETSBERATTELSE-2024"))
                .expectException(unknown("reportedIn"))
                .expectNoEvents();
    }

    @Test
    void a_status_reported_in_a_fastststalld_follow_up_is_changed_by_a_beslut_only() {
        occasionAdoptedBy = VB_BESLUT;
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "kom-a1", false, AtgardStatus.AVSLUTAD, null, null, null,
                        VB))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
    }

    @Test
    void a_step_dated_before_the_period_a_follow_up_reported_on_comes_too_late() {
        fixture.given(adoptedPlan())
                .andGiven(new IkAtgardStatusChanged(PLAN, "kom-a1", false, AtgardStatus.PLANERAD,
                        AtgardStatus.PAGAENDE, null, null, null, VB, LocalDate.of(2024, 12, 31)))
                .when(status("kom-a1", AtgardStatus.AVSLUTAD, "2024-11-01"))
                .expectException(invalid("datum"))
                .expectNoEvents();
    }

    @Test
    void a_status_is_reported_on_a_fastststalld_plan_only() {
        fixture.given(new IkPlanCreated(PLAN, "RS", 2024), new IkRiskAdded(PLAN, "kom", KOMMUNIKATION, null),
                        new IkAtgardAdded(PLAN, "kom-a1", "kom", false, KANALER, null))
                .when(status("kom-a1", AtgardStatus.PAGAENDE, "2024-03-01"))
                .expectException(invalid("status"))
                .expectNoEvents();
    }

    @Test
    void a_later_step_cannot_apply_from_an_earlier_date_nor_outside_the_plan_year() {
        fixture.given(adoptedPlan())
                .andGivenCommands(status("kom-a1", AtgardStatus.PAGAENDE, "2024-06-01"))
                .when(status("kom-a1", AtgardStatus.AVSLUTAD, "2024-05-01"))
                .expectException(invalid("datum"));
        fixture.given(adoptedPlan())
                .when(status("kom-a1", AtgardStatus.AVSLUTAD, "2026-01-10"))
                .expectException(invalid("datum"));
    }

    @Test
    void the_namnd_reports_its_own_status_on_a_regionovergripande_atgard() {
        fixture.given(adoptedPlan())
                .when(new ChangeIkAtgardStatus(PLAN, null, "sam-a1", true, AtgardStatus.AVSLUTAD,
                        LocalDate.of(2024, 12, 31), "Avslutad", null))
                .expectEvents(new IkAtgardStatusChanged(PLAN, "sam-a1", true, AtgardStatus.PLANERAD,
                        AtgardStatus.AVSLUTAD, LocalDate.of(2024, 12, 31), "Avslutad", null));
    }

    @Test
    void statuses_are_not_reported_in_the_regionovergripande_definition() {
        fixture.given(new IkPlanCreated(REGION, null, 2024), new IkRiskAdded(REGION, "sam", KOMMUNIKATION, null),
                        new IkAtgardAdded(REGION, "sam-a1", "sam", false, KANALER, null),
                        new IkPlanAdopted(REGION, ADOPTION))
                .when(new ChangeIkAtgardStatus(REGION, null, "sam-a1", false, AtgardStatus.AVSLUTAD,
                        LocalDate.of(2024, 12, 31), "Avslutad", null))
                .expectException(invalid("ikPlanId"))
                .expectNoEvents();
    }

    @Test
    void the_effect_is_evaluated_at_the_verksamhetsberattelse_or_left_unanswered() {
        fixture.given(adoptedPlan())
                .when(new EvaluateIkAtgardEffect(PLAN, null, "kom-a1", false, VB, null, null, null))
                .expectEvents(new IkAtgardEffectEvaluated(PLAN, "kom-a1", false, VB, null, null, null));
        fixture.given(adoptedPlan())
                .when(new EvaluateIkAtgardEffect(PLAN, null, "sam-a1", true, VB, EffektSvar.DELVIS, "Ja delvis, …",
                        null))
                .expectEvents(new IkAtgardEffectEvaluated(PLAN, "sam-a1", true, VB, EffektSvar.DELVIS, "Ja delvis, …",
                        null));
    }

    @Test
    void the_effect_is_not_evaluated_at_a_periodrapport_nor_at_another_namnds_or_a_missing_occasion() {
        fixture.given(adoptedPlan())
                .when(new EvaluateIkAtgardEffect(PLAN, null, "kom-a1", false, "RS-PERIODRAPPORT-maj_2024",
                        EffektSvar.JA, null, null))
                .expectException(invalid("occasionId"));
        fixture.given(adoptedPlan())
                .when(new EvaluateIkAtgardEffect(PLAN, null, "kom-a1", false, "RS-DELARSRAPPORT-2023",
                        EffektSvar.JA, null, null))
                .expectException(unknown("occasionId"));
        fixture.given(adoptedPlan())
                .when(new EvaluateIkAtgardEffect(PLAN, null, "kom-a1", false, "SN-VERKSAMHETSBERATTELSE-2024",
                        EffektSvar.JA, null, null))
                .expectException(unknown("occasionId"));
    }

    @Test
    void after_the_occasion_is_fastststalld_an_effect_evaluation_cites_a_beslut() {
        occasionAdoptedBy = VB_BESLUT;
        fixture.given(adoptedPlan())
                .when(new EvaluateIkAtgardEffect(PLAN, null, "kom-a1", false, VB, EffektSvar.NEJ, "Nej.", null))
                .expectException(invalid("revisionBeslut"))
                .expectNoEvents();
    }
}
