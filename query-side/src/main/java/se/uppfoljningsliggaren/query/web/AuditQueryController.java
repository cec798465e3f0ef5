package se.uppfoljningsliggaren.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.FindByBeslut;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.FindByPerson;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetDifference;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetEntityDifference;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetEntityHistory;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditPage;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.Difference;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The revisor's audit trail: every stored event with who, when, why, under which beslut, and the entity's content
 * before and after. Each answer is a keyset page in store order: pass {@code next} as {@code after} for the next
 * page (stable while events are appended). Every read here is itself recorded (GET /api/admin/audit-reads).
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit (read)", description = "Who changed what, when, why and under which beslut")
public class AuditQueryController {

    private static final String PAGING = " Paged: after (the previous page's next; a store position), limit "
            + "(default " + Paging.DEFAULT_LIMIT + ", at most " + Paging.MAX_LIMIT + "); next is null on the last page.";

    private final QueryGateway queries;

    AuditQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/entities/{entityKey}")
    @Operation(summary = "One entity's complete history. The entity key is <kind>:<scope>:<id>: plan:RS-2026, "
            + "goal|styrtal|uppdrag|aktivitet|budget-table|budget-line:RS-2026:<id>, "
            + "utfall:RS:<indikatorId>:<period> (2024, 2024-09, 2024-T2, 2024-07-31, 2023-2024; :prognos appended "
            + "for a prognos), occasion:<occasionId>, assessment:<occasionId>:<itemId>, ik-plan:IK-RS-2026, "
            + "risk|atgard:IK-RS-2026:<id> (atgard:IK-RS-2026:region:<id> for a regionövergripande åtgärd reported "
            + "there), isk:<iskId>, namnd:<code>, indikator:<id>, rf-uppdrag:<id>. 404 when nothing is recorded "
            + "under the key." + PAGING)
    public AuditPage entity(@PathVariable String entityKey, @RequestParam(required = false) Long after,
                            @RequestParam(required = false) Integer limit) {
        return PlanQueryController.found(queries.query(
                new GetEntityHistory(entityKey, Paging.after(after), Paging.limit(limit)),
                ResponseTypes.optionalInstanceOf(AuditPage.class)).join(), "entityKey",
                "nothing is recorded under " + entityKey);
    }

    @GetMapping("/beslut")
    @Operation(summary = "Everything a beslut authorised: by diarienummer, narrowed by organ, datum (ISO date) and "
            + "paragraf when given (each exactly as recorded)." + PAGING)
    public AuditPage beslut(@RequestParam String diarienummer, @RequestParam(required = false) String organ,
                            @RequestParam(required = false) LocalDate datum,
                            @RequestParam(required = false) String paragraf,
                            @RequestParam(required = false) Long after,
                            @RequestParam(required = false) Integer limit) {
        return queries.query(new FindByBeslut(diarienummer, organ, datum, paragraf, Paging.after(after),
                Paging.limit(limit)), ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    @GetMapping("/people/{who}")
    @Operation(summary = "Everything a person (the principal recorded with the writes) did, from (inclusive) to "
            + "(exclusive) the given instants; a missing bound is open." + PAGING)
    public AuditPage person(@PathVariable String who, @RequestParam(required = false) Instant from,
                            @RequestParam(required = false) Instant to, @RequestParam(required = false) Long after,
                            @RequestParam(required = false) Integer limit) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ViewFreshness.problem(HttpStatus.BAD_REQUEST, "to",
                    "the range must end after it starts");
        }
        return queries.query(new FindByPerson(who, from, to, Paging.after(after), Paging.limit(limit)),
                ResponseTypes.instanceOf(AuditPage.class)).join();
    }

    @GetMapping("/aggregates/{aggregateId}/difference")
    @Operation(summary = "What changed in one plan, follow-up, IK-plan or ISK-bedömning (its id) between two instants "
            + "(from exclusive, to inclusive, ISO-8601): each entity that changed with its content at from (null: "
            + "it did not exist yet) and at to, and every change between with who, role, reason and beslut. 404 when "
            + "nothing is recorded under the id.")
    public Difference difference(@PathVariable String aggregateId, @RequestParam Instant from,
                                 @RequestParam Instant to) {
        return difference(new GetDifference(aggregateId, from, range(from, to)), "aggregateId", aggregateId);
    }

    @GetMapping("/entities/{entityKey}/difference")
    @Operation(summary = "What changed in one entity (its key, as for its history) between two instants (from "
            + "exclusive, to inclusive, ISO-8601): its content at from (null: it did not exist yet) and at to, and "
            + "every change between with who, role, reason and beslut; no entity in the answer when it did not "
            + "change. 404 when nothing is recorded under the key.")
    public Difference entityDifference(@PathVariable String entityKey, @RequestParam Instant from,
                                       @RequestParam Instant to) {
        return difference(new GetEntityDifference(entityKey, from, range(from, to)), "entityKey", entityKey);
    }

    private Difference difference(Object query, String field, String id) {
        return PlanQueryController.found(queries.query(query, ResponseTypes.optionalInstanceOf(Difference.class))
                .join(), field, "nothing is recorded under " + id);
    }

    /** The end of a range that must end after it starts. */
    private static Instant range(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ViewFreshness.problem(HttpStatus.BAD_REQUEST, "to", "the range must end after it starts");
        }
        return to;
    }
}
