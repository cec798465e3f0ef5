package se.uppfoljningsliggaren.query.notary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.FindByBeslut;
import se.uppfoljningsliggaren.kernel.audit.AuditQueries.GetEntityHistory;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditEntry;
import se.uppfoljningsliggaren.kernel.audit.AuditViews.AuditPage;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.FollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetFollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.GetIndikatorSeries;
import se.uppfoljningsliggaren.kernel.followup.SeriesViews.IndikatorSeries;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkViews.GetIsk;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkPlanView;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IskView;
import se.uppfoljningsliggaren.kernel.notary.Bundle;
import se.uppfoljningsliggaren.kernel.notary.SignedCheckpoint;
import se.uppfoljningsliggaren.kernel.notary.StoredEvent;
import se.uppfoljningsliggaren.kernel.query.PlanQueries.GetPlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;
import se.uppfoljningsliggaren.query.web.Paging;
import se.uppfoljningsliggaren.query.web.ViewFreshness;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Audit export bundles: an entity's events, or a beslut's, as the audit trail lists them up to an instant, with their
 * stored rows and inclusion proofs against one signed checkpoint, the views those events belong to as of that
 * instant, and a seal over all of it ({@link BundleSeal}), for a revisor to verify offline (VerifyBundle).
 */
@Component
public class NotaryBundles {

    /**
     * A bundle as exported. checkpoint and events are what the verifier proves ({@link Bundle}); entityKey or
     * diarienummer says what was asked for, asOf the instant; views (each as its read answers it, asOf included) and
     * auditEntries (who, when, role, beslut, before/after of the same events) are the ledger's statement, covered by
     * the seal, which is written last, over the bundle as written without it.
     */
    public record BundleView(String entityKey, String diarienummer, Instant asOf, SignedCheckpoint checkpoint,
                             List<Bundle.Event> events, List<View> views, List<AuditEntry> auditEntries,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Seal seal) {
    }

    /** Its signature over the rest of the bundle ({@link BundleSeal}). */
    public record Seal(String algorithm, String signature) {
    }

    /** One view as of the bundle's instant: which, the read that answers it (GET), and its answer. */
    public record View(String view, String read, Object body) {
    }

    /** The events' aggregate types (the store's type column) that have a view as of an instant. */
    private static final String PLAN = "Plan";
    private static final String OCCASION = "Occasion";
    private static final String IK_PLAN = "Internkontrollplan";
    private static final String ISK = "IskBedomning";
    private static final String UTFALL = "UtfallSeries";

    private final Notary notary;
    private final NotaryKey key;
    private final QueryGateway queries;
    private final ObjectMapper json;

    NotaryBundles(Notary notary, NotaryKey key, QueryGateway queries, ObjectMapper json) {
        this.notary = notary;
        this.key = key;
        this.queries = queries;
        this.json = json;
    }

    /** The bundle, sealed: as exported. */
    ObjectNode bundle(String entityKey, String diarienummer, Long treeSize, Instant asOf) {
        try {
            return BundleSeal.sealed(json.writeValueAsBytes(unsealed(entityKey, diarienummer, treeSize, asOf)),
                    key.privateKey());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the bundle", e);
        }
    }

    private BundleView unsealed(String entityKey, String diarienummer, Long treeSize, Instant asOf) {
        if ((entityKey == null) == (diarienummer == null)) {
            throw new InputPolicy.InvalidInputException("entityKey", "or diarienummer: give exactly one of the two");
        }
        SignedCheckpoint checkpoint = checkpoint(treeSize);
        Instant signedAt = Instant.parse(checkpoint.time());
        if (asOf != null && asOf.isAfter(signedAt)) {
            throw new InputPolicy.InvalidInputException("asOf", "is after the checkpoint's time " + checkpoint.time()
                    + ": what happened since is not proven by it; give a later checkpoint (treeSize) or ask the "
                    + "admin for one");
        }
        Instant instant = provenBy(checkpoint, asOf != null ? asOf : signedAt, asOf == null);
        List<AuditEntry> recorded = entityKey != null
                ? entries(after -> queries.query(new GetEntityHistory(entityKey, after, Paging.MAX_LIMIT),
                        ResponseTypes.optionalInstanceOf(AuditPage.class)).join())
                        .orElseThrow(() -> ViewFreshness.notFound("entityKey", "nothing is recorded under "
                                + entityKey))
                : entries(after -> Optional.of(queries.query(new FindByBeslut(diarienummer, null, null, null, after,
                        Paging.MAX_LIMIT), ResponseTypes.instanceOf(AuditPage.class)).join())
                        .filter(page -> after != null || !page.entries().isEmpty()))
                        .orElseThrow(() -> ViewFreshness.notFound("diarienummer", "no event cites the beslut "
                                + diarienummer));
        List<AuditEntry> entries = recorded.stream().filter(entry -> !entry.at().isAfter(instant)).toList();
        if (entries.isEmpty()) {
            throw ViewFreshness.notFound("asOf", "nothing of it was recorded by " + instant);
        }
        List<Bundle.Event> events = notary.proven(checkpoint, entries.stream().map(AuditEntry::position).toList());
        return new BundleView(entityKey, diarienummer, instant, checkpoint, events, views(events, entries, instant),
                entries, null);
    }

    /**
     * The instant, if every event the views as of it show (the entity's or any other's) is in the signed tree. One
     * that committed after the tree was sealed, though stamped by then, is refused (409) for an asked instant; the
     * checkpoint's own time steps back to just before it, so the views show only what the tree proves.
     */
    private Instant provenBy(SignedCheckpoint checkpoint, Instant instant, boolean stepBack) {
        for (Optional<Notary.Unsealed> unsealed = notary.firstUnsealedBy(checkpoint.treeSize(), instant);
             unsealed.isPresent(); unsealed = notary.firstUnsealedBy(checkpoint.treeSize(), instant)) {
            if (!stepBack) {
                throw ViewFreshness.problem(HttpStatus.CONFLICT, "treeSize", "the event at "
                        + unsealed.get().position() + " (" + unsealed.get().time() + ") is not in the checkpoint of "
                        + checkpoint.treeSize() + ", though the views as of " + instant + " show it: give a later "
                        + "checkpoint, or an earlier asOf");
            }
            // the microsecond before it, as the views compare instants: a nanosecond before would round onto it
            instant = Notary.microsecond(unsealed.get().time()).minus(1, ChronoUnit.MICROS);
        }
        return instant;
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
     * The view of each aggregate the events belong to, as of the instant, in the order of its first event: a plan, a
     * follow-up, an IK-plan, an ISK-bedömning, an utfall series (as the indikator's series for its nämnd).
     */
    private List<View> views(List<Bundle.Event> events, List<AuditEntry> entries, Instant asOf) {
        Set<String> asked = new HashSet<>();
        List<View> views = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i).event();
            // events and entries are the same positions in store order
            String[] entityKey = entries.get(i).entityKey().split(":");
            // an utfall series is one nämnd's indikator for one year; its view is the indikator's series of all years
            String which = UTFALL.equals(event.type()) ? UTFALL + entityKey[1] + ":" + entityKey[2]
                    : event.type() + event.aggregateIdentifier();
            if (asked.add(which)) {
                view(event.type(), event.aggregateIdentifier(), entityKey, asOf).ifPresent(views::add);
            }
        }
        return views;
    }

    /**
     * The view of one aggregate as of the instant (an utfall's by its entity key, utfall:<namnd>:<indikatorId>:…);
     * the catalogue's (nämnder, indikatorer, RF uppdrag…) have none.
     */
    private Optional<View> view(String aggregateType, String id, String[] entityKey, Instant asOf) {
        return switch (aggregateType) {
            case PLAN -> view("plan", "/api/plans/" + id, asOf, queries.query(new GetPlanView(id, asOf),
                    ResponseTypes.optionalInstanceOf(PlanView.class)).join());
            case OCCASION -> view("follow-up", "/api/followups/" + id, asOf, queries.query(
                    new GetFollowUpReport(id, asOf), ResponseTypes.optionalInstanceOf(FollowUpReport.class)).join());
            case IK_PLAN -> view("ik-plan", "/api/ik-plans/" + id, asOf, queries.query(new GetIkPlan(id, asOf),
                    ResponseTypes.optionalInstanceOf(IkPlanView.class)).join());
            case ISK -> isk(id, asOf);
            case UTFALL -> view("indikator-series", "/api/indikatorer/" + entityKey[2] + "/series?namnd="
                    + entityKey[1], asOf, queries.query(new GetIndikatorSeries(entityKey[2], entityKey[1], asOf),
                    ResponseTypes.optionalInstanceOf(IndikatorSeries.class)).join());
            default -> Optional.empty();
        };
    }

    /** ISK-<namnd>-<year>, REGION for regionstyrelsen's samlad bedömning (read as 'region'). */
    private Optional<View> isk(String iskId, Instant asOf) {
        int yearAt = iskId.lastIndexOf('-');
        String namnd = iskId.substring("ISK-".length(), yearAt);
        int year = Integer.parseInt(iskId.substring(yearAt + 1));
        String namndCode = "REGION".equals(namnd) ? null : namnd;
        return view("isk", "/api/isk-bedomningar/" + (namndCode == null ? "region" : namnd) + "/" + year, asOf,
                queries.query(new GetIsk(namndCode, year, asOf), ResponseTypes.optionalInstanceOf(IskView.class))
                        .join());
    }

    /** Empty when the read answers nothing as of the instant (the view had no row yet then). */
    private static Optional<View> view(String view, String path, Instant asOf, Optional<?> body) {
        return body.map(answer -> new View(view, path + (path.contains("?") ? "&" : "?") + "asOf=" + asOf, answer));
    }

    /** Every entry the pages give; empty when the first page is absent (nothing recorded). */
    private static Optional<List<AuditEntry>> entries(Function<Long, Optional<AuditPage>> page) {
        List<AuditEntry> entries = new ArrayList<>();
        Long after = null;
        do {
            Optional<AuditPage> current = page.apply(after);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            entries.addAll(current.get().entries());
            after = current.get().next() == null ? null : Long.parseLong(current.get().next());
        } while (after != null);
        return Optional.of(entries);
    }
}
