package se.uppfoljningsliggaren.query.notary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.kernel.notary.SignedCheckpoint;
import se.uppfoljningsliggaren.query.web.Paging;
import se.uppfoljningsliggaren.query.web.ViewFreshness;

import java.time.Instant;

/**
 * The notary's tamper-evident log of the event store: signed checkpoints and RFC 9162 proofs for everyone signed
 * in; audit export bundles for the revisor (they carry the audit trail); sealing, checkpoints on demand and
 * verification for the admin (/api/admin/**).
 */
@RestController
@Tag(name = "Notary", description = "Signed checkpoints of the event store and Merkle proofs (RFC 9162)")
public class NotaryController {

    private final Notary notary;
    private final NotaryBundles bundles;

    NotaryController(Notary notary, NotaryBundles bundles) {
        this.notary = notary;
        this.bundles = bundles;
    }

    @GetMapping("/api/notary/checkpoints")
    @Operation(summary = "The signed checkpoints, latest first. Paged: before (the previous page's next; a tree "
            + "size), limit (default " + Paging.DEFAULT_LIMIT + ", at most " + Paging.MAX_LIMIT + ")")
    public Notary.CheckpointPage checkpoints(@RequestParam(required = false) Long before,
                                             @RequestParam(required = false) Integer limit) {
        return notary.checkpoints(before, Paging.limit(limit));
    }

    @GetMapping("/api/notary/checkpoints/{treeSize}")
    @Operation(summary = "One checkpoint, as exported for the verification tool: tree size, root hash, time, "
            + "Ed25519 signature over \"uppfoljningsliggaren\\n<size>\\n<base64 root>\\n<time>\\n\" and the public "
            + "key (X.509), all base64")
    public SignedCheckpoint checkpoint(@PathVariable long treeSize) {
        SignedCheckpoint checkpoint = notary.checkpoint(treeSize);
        if (checkpoint == null) {
            throw ViewFreshness.notFound("treeSize", "no checkpoint of tree size " + treeSize);
        }
        return checkpoint;
    }

    @GetMapping("/api/notary/proofs/inclusion")
    @Operation(summary = "The audit path (RFC 9162 §2.1.3) of the leaf of a global index (position; leaf index = "
            + "position − 1) in the tree of treeSize leaves (at most the leaves sealed so far)")
    public Notary.InclusionProof inclusion(@RequestParam long position, @RequestParam long treeSize) {
        return notary.inclusion(position, treeSize);
    }

    @GetMapping("/api/notary/proofs/consistency")
    @Operation(summary = "The consistency proof (RFC 9162 §2.1.4) that the tree of size first is a prefix of the "
            + "tree of size second")
    public Notary.ConsistencyProof consistency(@RequestParam long first, @RequestParam long second) {
        return notary.consistency(first, second);
    }

    @GetMapping("/api/notary/bundles")
    @Operation(summary = "An audit export bundle for offline verification (VerifyBundle): the signed checkpoint of "
            + "treeSize (default the latest); every event of an entity (entityKey) or that a beslut authorised "
            + "(diarienummer) up to asOf (ISO instant; default the checkpoint's time, at most it), each as stored "
            + "(payload and meta_data base64) with its inclusion proof; the views those events belong to as of asOf "
            + "(plan, follow-up, IK-plan, ISK-bedömning, indikator series), each as its read answers it; their "
            + "audit entries; and a seal: an Ed25519 signature with the notary's key over the rest, so a byte "
            + "changed anywhere in the saved bundle is found. The revisor's, as the audit trail is. 404 when "
            + "nothing is recorded under the key or the beslut by asOf; 409 when an event of it at or before asOf "
            + "is not yet in the checkpoint")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NotaryBundles.BundleView.class)))
    public ObjectNode bundle(@RequestParam(required = false) String entityKey,
                             @RequestParam(required = false) String diarienummer,
                             @RequestParam(required = false) Long treeSize,
                             @RequestParam(required = false) Instant asOf) {
        return bundles.bundle(entityKey, diarienummer, treeSize, asOf);
    }

    @PostMapping("/api/admin/notary/checkpoints")
    @Operation(summary = "Seal what can be sealed now and sign a checkpoint of it (the latest one again if nothing "
            + "was added)")
    public SignedCheckpoint checkpointNow() {
        return notary.checkpointNow();
    }

    @PostMapping("/api/admin/notary/verify")
    @Operation(summary = "Recompute every sealed leaf from the event store as it is now and compare with the sealed "
            + "leaves and the latest checkpoint's root and signature; names the first event that differs, is "
            + "missing or is out of order")
    public Notary.VerifyReport verify() {
        return notary.verify();
    }
}
