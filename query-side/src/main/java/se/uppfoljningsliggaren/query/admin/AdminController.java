package se.uppfoljningsliggaren.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.query.audit.AuditReadLog;
import se.uppfoljningsliggaren.query.catalogue.NamndScopes;
import se.uppfoljningsliggaren.query.projection.DeadLetters;
import se.uppfoljningsliggaren.query.projection.ProjectionMonitor;
import se.uppfoljningsliggaren.query.projection.Reconciliation;
import se.uppfoljningsliggaren.query.web.Paging;
import se.uppfoljningsliggaren.query.web.ViewFreshness;

import java.time.Duration;
import java.util.List;

/** Operations on the read side, for the admin role. Read tables are disposable: rebuilding them loses nothing. */
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Admin")
public class AdminController {

    private final ReadModelRebuilder rebuilder;
    private final NamndScopes namndScopes;
    private final DeadLetters deadLetters;
    private final ProjectionMonitor monitor;
    private final Reconciliation reconciliation;
    private final AuditReadLog auditReads;

    AdminController(ReadModelRebuilder rebuilder, DeadLetters deadLetters, ProjectionMonitor monitor,
                    Reconciliation reconciliation, AuditReadLog auditReads,
                    NamndScopes namndScopes) {
        this.namndScopes = namndScopes;
        this.rebuilder = rebuilder;
        this.deadLetters = deadLetters;
        this.monitor = monitor;
        this.reconciliation = reconciliation;
        this.auditReads = auditReads;
    }

    @PostMapping("/read-model/rebuild")
    @Operation(summary = "Rebuild every read table by replaying the event store; answers when caught up")
    public ReadModelRebuilder.RebuildReport rebuild() throws InterruptedException {
        return rebuilder.rebuildAll(Duration.ofMinutes(10));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "The events the projections could not apply, parked per processor and aggregate")
    public List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.list();
    }

    @PostMapping("/dead-letters/retry")
    @Operation(summary = "Retry the parked events (of one processor, or all); answers how many were applied and "
            + "how many are still parked")
    public DeadLetters.RetryReport retryDeadLetters(
            @RequestParam(name = "processor", required = false) String processor) {
        if (processor != null && !monitor.processors().contains(processor)) {
            throw ViewFreshness.notFound("processor", "no processor named " + processor);
        }
        return deadLetters.retry(processor);
    }

    @PostMapping("/reconciliation")
    @Operation(summary = "Compare what each projection applied with the event store; with repair=true, replay the "
            + "processors that miss events and answer the check after the replay")
    public Reconciliation.Report reconcile(
            @RequestParam(name = "repair", defaultValue = "false") boolean repair) throws InterruptedException {
        return reconciliation.reconcile(repair);
    }

    @GetMapping("/audit-reads")
    @Operation(summary = "Who read the audit trail (/api/audit) and the notary's bundles, when, how (method, path "
            + "and query) and how it was answered (status; null until answered), in the order of the reads. Paged: after (the previous page's next), limit (default " + Paging.DEFAULT_LIMIT
            + ", at most " + Paging.MAX_LIMIT + "); next is null on the last page.")
    public AuditReadLog.AuditReadPage auditReads(
            @RequestParam(name = "after", required = false) Long after,
            @RequestParam(name = "limit", required = false) Integer limit) {
        return auditReads.list(Paging.after(after), Paging.limit(limit));
    }

    @GetMapping("/users")
    @Operation(summary = "The admin's register: the nämnder each person writes for beyond their token's, with when "
            + "and by whom it was last set (the history is in the audit trail: behorighet:<subject>)")
    public List<NamndScopes.NamndScope> users() {
        return namndScopes.list();
    }
}
