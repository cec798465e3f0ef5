package se.uppfoljningsliggaren.command.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.access.AccessCommands.SetNamndScope;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.*;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.*;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.*;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.*;
import se.uppfoljningsliggaren.kernel.plan.PlanCommands.*;
import se.uppfoljningsliggaren.kernel.source.SourceCommands.RegisterSourceDocument;

import java.util.HashMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Map;
import java.util.function.Function;

/**
 * Who may make which write: one rule per command, so per write endpoint, written once. A write the table does not
 * name is refused. Each rule names the role it needs and, where the write belongs to a nämnd, that nämnd: a
 * controller writes only for the nämnder in their scope (their token's, and those the admin's register grants). Every refusal is logged with who tried what.
 *
 * <p>A nämnd is read from the command (when it names one) or from the id of the aggregate it addresses, whose form
 * the ledger fixes: plans "RS-2026", follow-ups "RS-DELARSRAPPORT-…", utfall "UTFALL-RS-2026-…", IK-plans
 * "IK-RS-2026" and ISK-bedömningar "ISK-RS-2024" — "REGION" in the last two being regionstyrelsen's own rows.
 */
@Component
public class WritePolicy {

    private static final Logger log = LoggerFactory.getLogger(WritePolicy.class);

    /**
     * What a write needs: a role, and for a controller the nämnd written for (null: no nämnd); or else, for a caller
     * without that role, what {@code otherwise} needs (null: nothing else allows it).
     */
    record Requirement(Role role, String namnd, Requirement otherwise) {
        Requirement(Role role, String namnd) {
            this(role, namnd, null);
        }

        static Requirement controllerOf(String namnd) {
            return new Requirement(Role.CONTROLLER, namnd);
        }
    }

    private static final Requirement ADMIN = new Requirement(Role.ADMIN, null);
    private static final Requirement REGIONSTYRELSEN = new Requirement(Role.REGIONSTYRELSEN, null);

    private final Map<Class<?>, Function<Object, Requirement>> rules = new HashMap<>();
    private final ScopeRegister register;

    public WritePolicy(ScopeRegister register) {
        this.register = register;
        // Reference data, who writes for which nämnd, and the region's own decisions
        rule(RegisterNamnd.class, c -> ADMIN);
        rule(SetNamndScope.class, c -> ADMIN);
        rule(RegisterIndikator.class, c -> ADMIN);
        rule(IssueRfUppdrag.class, c -> REGIONSTYRELSEN);
        // The documents facts come from: the admin, or the controller of the nämnd whose document it is
        rule(RegisterSourceDocument.class, c -> new Requirement(Role.ADMIN, null,
                Requirement.controllerOf(c.namndCode())));
        // A nämnd's verksamhetsplan
        rule(CreatePlan.class, c -> Requirement.controllerOf(c.namndCode()));
        rule(AddGoal.class, c -> ofPlan(c.planId()));
        rule(ReviseGoal.class, c -> ofPlan(c.planId()));
        rule(AddStyrtal.class, c -> ofPlan(c.planId()));
        rule(ReviseStyrtal.class, c -> ofPlan(c.planId()));
        rule(ReceiveRfUppdrag.class, c -> ofPlan(c.planId()));
        rule(AddUppdrag.class, c -> ofPlan(c.planId()));
        rule(AddAktivitet.class, c -> ofPlan(c.planId()));
        rule(AddBudgetTable.class, c -> ofPlan(c.planId()));
        rule(AddBudgetLine.class, c -> ofPlan(c.planId()));
        rule(ReviseBudgetLine.class, c -> ofPlan(c.planId()));
        rule(RecordPlanFigureTable.class, c -> ofPlan(c.planId()));
        rule(ContinueItem.class, c -> ofPlan(c.planId()));
        rule(MarkItemNew.class, c -> ofPlan(c.planId()));
        rule(DropPreviousItem.class, c -> ofPlan(c.planId()));
        rule(AdoptPlan.class, c -> ofPlan(c.planId()));
        // Utfall and follow-up
        rule(RecordUtfall.class, c -> Requirement.controllerOf(c.namndCode()));
        rule(CorrectUtfall.class, c -> Requirement.controllerOf(part(c.seriesId(), 1)));
        rule(OpenOccasion.class, c -> Requirement.controllerOf(c.namndCode()));
        rule(AssessItem.class, c -> ofPlan(c.occasionId()));
        rule(AssessIndikator.class, c -> ofPlan(c.occasionId()));
        rule(RecordResultatrapport.class, c -> ofPlan(c.occasionId()));
        rule(RecordOccasionFigureTable.class, c -> ofPlan(c.occasionId()));
        rule(AdoptOccasion.class, c -> ofPlan(c.occasionId()));
        // Internal control: regionstyrelsen writes the regionövergripande rows; each nämnd its own plan, and the
        // status and effect of every åtgärd in it (the regionövergripande ones too)
        rule(CreateIkPlan.class, c -> c.namndCode() == null ? REGIONSTYRELSEN : Requirement.controllerOf(c.namndCode()));
        rule(AddIkRisk.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(ReviseIkRisk.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(AddIkAtgard.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(ReviseIkAtgard.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(AdoptIkPlan.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(ChangeIkAtgardStatus.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(EvaluateIkAtgardEffect.class, c -> ofRegionOrNamnd(c.ikPlanId()));
        rule(RecordIskBedomning.class, c -> c.namndCode() == null ? REGIONSTYRELSEN
                : Requirement.controllerOf(c.namndCode()));
        rule(AdoptIskBedomning.class, c -> ofRegionOrNamnd(c.iskId()));
    }

    private <C> void rule(Class<C> command, Function<C, Requirement> requirement) {
        rules.put(command, c -> requirement.apply(command.cast(c)));
    }

    /** What a write was allowed by: the role it used, and the nämnd scope the caller held ("*" for all). */
    public record Grant(Role role, String namndScope) {
    }

    /**
     * The role (and scope) the caller makes this write in, or a refusal.
     *
     * @throws AccessRefusedException outside the caller's roles or nämnd scope, or for a write no rule names
     */
    public Grant authorize(Caller caller, Object command) {
        Function<Object, Requirement> rule = rules.get(command.getClass());
        if (rule == null) {
            throw refused(caller, command, "no rule allows " + command.getClass().getSimpleName());
        }
        Requirement needed = rule.apply(command);
        while (!caller.roles().contains(needed.role()) && needed.otherwise() != null) {
            needed = needed.otherwise();
        }
        if (!caller.roles().contains(needed.role())) {
            throw refused(caller, command, "this write needs the role " + needed.role() + "; you have "
                    + caller.roles());
        }
        if (needed.namnd() == null) {
            return new Grant(needed.role(), caller.scope());
        }
        if (caller.actsFor(needed.namnd())) {
            return new Grant(needed.role(), caller.scope());
        }
        SortedSet<String> scope = new TreeSet<>(caller.namnder());
        scope.addAll(register.grantedTo(caller.subject()));
        if (!scope.contains(needed.namnd())) {
            throw refused(caller, command, "you write for " + (scope.isEmpty() ? "no nämnd" : String.join(",", scope))
                    + ", not for " + needed.namnd());
        }
        return new Grant(needed.role(), String.join(",", scope));
    }

    private static AccessRefusedException refused(Caller caller, Object command, String reason) {
        log.warn("Refused write: {} ({}, roles {}, nämnder {}) tried {}: {}", caller.subject(), caller.name(),
                caller.roles(), caller.scope(), command.getClass().getSimpleName(), reason);
        return new AccessRefusedException(reason);
    }

    /** A plan "RS-2026" or follow-up "RS-VERKSAMHETSBERATTELSE-2024": the nämnd code comes first. */
    private static Requirement ofPlan(String id) {
        return Requirement.controllerOf(part(id, 0));
    }

    /** An IK-plan "IK-RS-2026" or ISK-bedömning "ISK-RS-2024"; "REGION" is regionstyrelsen's own. */
    private static Requirement ofRegionOrNamnd(String id) {
        String namnd = part(id, 1);
        return IkCommands.REGION.equals(namnd) ? REGIONSTYRELSEN : Requirement.controllerOf(namnd);
    }

    private static String part(String id, int index) {
        String[] parts = id == null ? new String[0] : id.split("-");
        return parts.length > index ? parts[index] : "";
    }
}
