package se.uppfoljningsliggaren.command.access;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.access.AccessCommands.SetNamndScope;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.IssueRfUppdrag;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterNamnd;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.CorrectUtfall;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.RecordUtfall;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AdoptOccasion;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkRisk;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ChangeIkAtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.RecordIskBedomning;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.AddGoal;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.CreatePlan;
import se.uppfoljningsliggaren.kernel.source.SourceCommands.RegisterSourceDocument;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentKind;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may make which write: each role's writes, and a controller's only for the nämnder in their scope. */
class WritePolicyTest {

    private final Map<String, SortedSet<String>> register = new java.util.HashMap<>();
    private final WritePolicy policy = new WritePolicy(subject -> register.getOrDefault(subject, new TreeSet<>()));

    private static Caller caller(Set<Role> roles, String... namnder) {
        return new Caller("id-" + roles, "Namn", roles, new TreeSet<>(Set.of(namnder)), "test");
    }

    private static final Caller SN_CONTROLLER = caller(Set.of(Role.CONTROLLER), "SN");
    private static final Caller REVISOR = caller(Set.of(Role.REVISOR));
    private static final Caller KANSLI = caller(Set.of(Role.REGIONSTYRELSEN));
    private static final Caller ADMIN = caller(Set.of(Role.ADMIN));

    @Test
    void a_controller_writes_their_own_nämnds_plan_utfall_follow_up_and_internal_control() {
        assertThat(policy.authorize(SN_CONTROLLER, new CreatePlan("SN-2026", "SN", 2026, "Plan", null)))
                .isEqualTo(new WritePolicy.Grant(Role.CONTROLLER, "SN"));
        policy.authorize(SN_CONTROLLER, new AddGoal("SN-2026", null, "m1", null, null, null, "1", "Mål", null, null));
        policy.authorize(SN_CONTROLLER, new RecordUtfall("UTFALL-SN-2026-x", null, "SN", "x", 2026, null, null, null, null,
                null));
        policy.authorize(SN_CONTROLLER, new CorrectUtfall("UTFALL-SN-2026-x", null, null, null, "rättat"));
        policy.authorize(SN_CONTROLLER, new AdoptOccasion("SN-DELARSRAPPORT-2026", null, null));
        policy.authorize(SN_CONTROLLER, new AddIkRisk("IK-SN-2026", null, "r1", null, null));
        policy.authorize(SN_CONTROLLER, new ChangeIkAtgardStatus("IK-SN-2026", null, "a1", true, null, null, null,
                null));
        policy.authorize(SN_CONTROLLER, new RecordIskBedomning("ISK-SN-2026", null, "SN", 2026, true, "x", null,
                null));
    }

    @Test
    void a_source_document_is_registered_by_the_admin_or_the_controller_of_its_nämnd() {
        RegisterSourceDocument snPlan = new RegisterSourceDocument("SOURCE-004", "004", "Servicenämndens plan", "SN",
                2026, SourceDocumentKind.VERKSAMHETSPLAN_MED_BUDGET, null, null);
        assertThat(policy.authorize(ADMIN, snPlan).role()).isEqualTo(Role.ADMIN);
        assertThat(policy.authorize(SN_CONTROLLER, snPlan).role()).isEqualTo(Role.CONTROLLER);
        RegisterSourceDocument rsPlan = new RegisterSourceDocument("SOURCE-000", "000", "Regionstyrelsens plan", "RS",
                2026, SourceDocumentKind.VERKSAMHETSPLAN_MED_BUDGET, null, null);
        assertThatThrownBy(() -> policy.authorize(SN_CONTROLLER, rsPlan)).isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("not for RS");
        assertThatThrownBy(() -> policy.authorize(REVISOR, rsPlan)).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void a_controller_is_refused_another_nämnds_writes_and_the_regions_own() {
        assertThatThrownBy(() -> policy.authorize(SN_CONTROLLER, new CreatePlan("RS-2026", "RS", 2026, "Plan", null)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("not for RS");
        assertThatThrownBy(() -> policy.authorize(SN_CONTROLLER, new AddGoal("RS-2026", null, "m1", null, null, null,
                "1", "Mål", null, null))).isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> policy.authorize(SN_CONTROLLER, new AddIkRisk("IK-REGION-2026", null, "r1", null, null)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("REGIONSTYRELSEN");
        assertThatThrownBy(() -> policy.authorize(SN_CONTROLLER, new RegisterNamnd("XX", "X", null)))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("ADMIN");
    }

    @Test
    void the_register_adds_nämnder_to_a_controllers_scope() {
        register.put(SN_CONTROLLER.subject(), new TreeSet<>(Set.of("RS")));
        assertThat(policy.authorize(SN_CONTROLLER, new CreatePlan("RS-2026", "RS", 2026, "Plan", null)))
                .isEqualTo(new WritePolicy.Grant(Role.CONTROLLER, "RS,SN"));
    }

    @Test
    void a_revisor_writes_nothing_regionstyrelsen_the_regions_rows_and_the_admin_reference_data() {
        assertThatThrownBy(() -> policy.authorize(REVISOR, new CreatePlan("SN-2026", "SN", 2026, "Plan", null)))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(policy.authorize(KANSLI, new AddIkRisk("IK-REGION-2026", null, "r1", null, null)).role())
                .isEqualTo(Role.REGIONSTYRELSEN);
        assertThat(policy.authorize(KANSLI, new IssueRfUppdrag("RF-2026-1", 2026, 1, "x", null, null)).role())
                .isEqualTo(Role.REGIONSTYRELSEN);
        assertThat(policy.authorize(KANSLI, new RecordIskBedomning("ISK-REGION-2026", null, null, 2026, true, "x",
                null, null)).role()).isEqualTo(Role.REGIONSTYRELSEN);
        assertThatThrownBy(() -> policy.authorize(KANSLI, new AddIkRisk("IK-SN-2026", null, "r1", null, null)))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(policy.authorize(ADMIN, new RegisterNamnd("XX", "X", null)).role()).isEqualTo(Role.ADMIN);
        assertThat(policy.authorize(ADMIN, new SetNamndScope("BEHORIGHET:x", null, "x", null, Set.of())).role())
                .isEqualTo(Role.ADMIN);
        assertThatThrownBy(() -> policy.authorize(ADMIN, new RecordUtfall("UTFALL-SN-2026-x", null, "SN", "x", 2026, null,
                null, null, null, null))).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void a_write_no_rule_names_is_refused() {
        assertThatThrownBy(() -> policy.authorize(ADMIN, "not a command")).isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("no rule");
    }
}
