package se.uppfoljningsliggaren.kernel.audit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Questions about the audit trail. Each answers the entries after store position {@code after} (null: from the
 * start), at most {@code limit}, in store order.
 */
public final class AuditQueries {

    private AuditQueries() {
    }

    /** One entity's complete history; empty (not an empty page) when nothing is recorded under the key. */
    public record GetEntityHistory(String entityKey, Long after, int limit) {
    }

    /** Everything a beslut authorised: by diarienummer, narrowed by organ, datum and paragraf when given. */
    public record FindByBeslut(String diarienummer, String organ, LocalDate datum, String paragraf, Long after,
                               int limit) {
    }

    /** Everything a person did, from (inclusive) to (exclusive); a null bound is open. */
    public record FindByPerson(String who, Instant from, Instant to, Long after, int limit) {
    }

    /**
     * What changed in one aggregate (a plan, a follow-up, an IK-plan …) between two instants, from (exclusive) to
     * (inclusive): per entity its content then and now and the changes between; empty when nothing is recorded.
     */
    public record GetDifference(String aggregateId, Instant from, Instant to) {
    }

    /** The same for one entity (a goal, a styrtal, an utfall, an åtgärd …): its one entry, or none when unchanged. */
    public record GetEntityDifference(String entityKey, Instant from, Instant to) {
    }
}
