package se.uppfoljningsliggaren.query.plan;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineRevised;
import se.uppfoljningsliggaren.kernel.plan.BudgetTableAdded;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.plan.PlanCreated;
import se.uppfoljningsliggaren.kernel.plan.PlanEvent;
import se.uppfoljningsliggaren.kernel.query.PlanViews.BudgetLineView;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.BudgetColumn;
import se.uppfoljningsliggaren.kernel.value.BudgetKind;
import se.uppfoljningsliggaren.kernel.value.Varde;
import se.uppfoljningsliggaren.kernel.value.VardeParser;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A budget line in the plan view: its cells as printed beside the amounts, through revisions after fastställande. */
class PlanDocumentBudgetTest {

    private static final String PLAN = "RS-2026";
    private static final Beslut TILLAGGSBUDGET = new Beslut("Regionstyrelsen", LocalDate.of(2026, 3, 11), "§ 41",
            "26RS0112");

    private final PlanDocument document = PlanDocument.create(new PlanCreated(PLAN, "RS", 2026, "Plan", List.of()));
    private long version;

    private void given(PlanEvent... events) {
        for (PlanEvent event : events) {
            document.apply(event, ++version, "rs.controller", Instant.parse("2026-01-01T00:00:00Z"));
        }
    }

    private BudgetLineView line() {
        return document.view(version, Instant.now(), "Regionstyrelsen", Map.of(), Map.of()).budget().tables().get(0)
                .lines().get(0);
    }

    private static BudgetTableAdded drift() {
        return new BudgetTableAdded(PLAN, "drift", BudgetKind.DRIFT, "Driftbudget", List.of(
                new BudgetColumn("budget", "Budget 2026", BudgetColumn.Role.BUDGET),
                new BudgetColumn("budget-prev", "Budget 2025", BudgetColumn.Role.BUDGET_PREVIOUS_YEAR)), null);
    }

    private static BudgetLineAdded halsoval(Map<String, Varde> printed) {
        return new BudgetLineAdded(PLAN, "hv", "drift", null, "Hälsovalsenheten, varav", 0,
                Map.of("budget", new BigDecimal("-2314.7")), printed, null);
    }

    @Test
    void a_line_recorded_before_printed_forms_were_kept_shows_none() {
        given(drift(), halsoval(null));
        assertThat(line().amounts()).containsEntry("budget", new BigDecimal("-2314.7"));
        assertThat(line().printed()).isNull();
    }

    @Test
    void a_revision_printed_in_words_leaves_the_cell_without_an_amount_and_keeps_the_beslutad_one_beside_it() {
        given(drift(), halsoval(Map.of("budget", VardeParser.amount("-2 314,7"))), new PlanAdopted(PLAN, new Beslut("Regionstyrelsen", LocalDate.of(2025, 12, 10), "§ 250", "25RS0001")),
                new BudgetLineRevised(PLAN, "hv", 2, Map.of(),
                        Map.of("budget", new Varde.NotDecided("Belopp ännu ej fastställt")), TILLAGGSBUDGET));
        BudgetLineView line = line();
        assertThat(line.amounts()).doesNotContainKey("budget");
        assertThat(line.printed().get("budget").written()).isEqualTo("Belopp ännu ej fastställt");
        assertThat(line.beslutadAmounts()).containsEntry("budget", new BigDecimal("-2314.7"));
        assertThat(line.beslutadPrinted().get("budget").written()).isEqualTo("-2 314,7");
    }

    @Test
    void a_revision_given_as_a_number_alone_leaves_no_stale_printed_form_beside_it() {
        given(drift(), halsoval(Map.of("budget", VardeParser.amount("-2 314,7"), "budget-prev",
                        VardeParser.amount("-2 246,6"))),
                new BudgetLineRevised(PLAN, "hv", 0, Map.of("budget", new BigDecimal("-2330.0")), null, null));
        BudgetLineView line = line();
        assertThat(line.amounts()).containsEntry("budget", new BigDecimal("-2330.0"));
        assertThat(line.printed()).doesNotContainKey("budget");
        assertThat(line.printed().get("budget-prev").written()).isEqualTo("-2 246,6");
    }
}
