package se.uppfoljningsliggaren.query.notary;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.FindByBeslut;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetEntityHistory;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditEntry;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditPage;
import se.uppfoljningsliggaren.kernel.notary.Bundle;
import se.uppfoljningsliggaren.kernel.notary.SignedCheckpoint;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;
import se.uppfoljningsliggaren.query.web.Paging;
import se.uppfoljningsliggaren.query.web.ViewFreshness;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Audit export bundles: an entity's events, or a beslut's, as the audit trail lists them, with their stored rows
 * and inclusion proofs against one signed checkpoint, for a revisor to verify offline ({@link Bundle#verify}).
 */
@Component
public class NotaryBundles {

    /**
     * A bundle as exported. checkpoint and events are what the verifier checks ({@link Bundle}); entityKey or
     * diarienummer says what was asked for, and auditEntries (who, when, role, beslut, before/after of the same
     * events) are for reading: they are not signed.
     */
    public record BundleView(String entityKey, String diarienummer, SignedCheckpoint checkpoint, List<Bundle.Event> events,
                      List<AuditEntry> auditEntries) {
    }

    private final Notary notary;
    private final QueryGateway queries;

    NotaryBundles(Notary notary, QueryGateway queries) {
        this.notary = notary;
        this.queries = queries;
    }

    BundleView bundle(String entityKey, String diarienummer, Long treeSize) {
        if ((entityKey == null) == (diarienummer == null)) {
            throw new InputPolicy.InvalidInputException("entityKey", "give either entityKey or diarienummer");
        }
        SignedCheckpoint checkpoint = checkpoint(treeSize);
        List<AuditEntry> entries = entityKey != null
                ? entries(after -> queries.query(new GetEntityHistory(entityKey, after, Paging.MAX_LIMIT),
                        ResponseTypes.optionalInstanceOf(AuditPage.class)).join(), checkpoint.treeSize())
                        .orElseThrow(() -> ViewFreshness.notFound("entityKey", "nothing is recorded under "
                                + entityKey))
                : entries(after -> Optional.of(queries.query(new FindByBeslut(diarienummer, null, null, null, after,
                        Paging.MAX_LIMIT), ResponseTypes.instanceOf(AuditPage.class)).join())
                        .filter(page -> after != null || !page.entries().isEmpty()), checkpoint.treeSize())
                        .orElseThrow(() -> ViewFreshness.notFound("diarienummer", "no event cites the beslut "
                                + diarienummer));
        List<Bundle.Event> events = notary.proven(checkpoint, entries.stream().map(AuditEntry::position).toList());
        return new BundleView(entityKey, diarienummer, checkpoint, events, entries);
    }

    /** The given checkpoint, or the latest one. */
    private SignedCheckpoint checkpoint(Long treeSize) {
        if (treeSize == null) {
            return notary.checkpoints(null, 1).checkpoints().stream().findFirst()
                    .orElseThrow(() -> ViewFreshness.notFound("treeSize", "no checkpoint has been signed yet"));
        }
        SignedCheckpoint checkpoint = notary.checkpoint(treeSize);
        if (checkpoint == null) {
            throw ViewFreshness.notFound("treeSize", "no checkpoint of tree size " + treeSize);
        }
        return checkpoint;
    }

    /**
     * Every entry the pages give up to the tree size (none when all are later); empty when the first page is
     * absent (nothing recorded).
     */
    private static Optional<List<AuditEntry>> entries(Function<Long, Optional<AuditPage>> page, long treeSize) {
        List<AuditEntry> entries = new ArrayList<>();
        Long after = null;
        do {
            Optional<AuditPage> current = page.apply(after);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            current.get().entries().stream().filter(entry -> entry.position() <= treeSize).forEach(entries::add);
            String next = current.get().next();
            after = next == null || Long.parseLong(next) >= treeSize ? null : Long.parseLong(next);
        } while (after != null);
        return Optional.of(entries);
    }
}
