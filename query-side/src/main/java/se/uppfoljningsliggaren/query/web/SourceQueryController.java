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
import se.uppfoljningsliggaren.kernel.source.Provenance;
import se.uppfoljningsliggaren.kernel.source.SourceViews;
import se.uppfoljningsliggaren.kernel.source.SourceViews.DocumentContents;
import se.uppfoljningsliggaren.kernel.source.SourceViews.FactPage;
import se.uppfoljningsliggaren.kernel.source.SourceViews.FindFacts;
import se.uppfoljningsliggaren.kernel.source.SourceViews.GetSourceDocument;
import se.uppfoljningsliggaren.kernel.source.SourceViews.ListSourceDocuments;
import se.uppfoljningsliggaren.kernel.source.SourceViews.SourceDocumentView;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The source documents, everything the ledger holds from one, and the facts by their provenance. */
@RestController
@RequestMapping("/api")
@Tag(name = "Sources (read)", description = "Where every fact comes from")
public class SourceQueryController {

    private static final List<String> BASES = Stream.concat(Arrays.stream(Provenance.Basis.values()).map(Enum::name),
            Stream.of(SourceViews.NOT_PRINTED)).toList();

    private final QueryGateway queries;

    SourceQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/sources")
    @Operation(summary = "The registered source documents")
    public List<SourceDocumentView> sources() {
        return queries.query(new ListSourceDocuments(), ResponseTypes.multipleInstancesOf(SourceDocumentView.class))
                .join();
    }

    @GetMapping("/sources/{documentId}")
    @Operation(summary = "A source document and everything the ledger holds from it (each entity whose last write "
            + "named it), in the document's order as far as the sources give it: by page (unknown pages last), then "
            + "by section number (unknown sections last), then as written; each with its "
            + "current content, a summary, section, page and basis — to read beside the document itself")
    public DocumentContents source(@PathVariable String documentId) {
        return PlanQueryController.found(queries.query(new GetSourceDocument(documentId),
                ResponseTypes.optionalInstanceOf(DocumentContents.class)).join(), "documentId",
                "no source document " + documentId);
    }

    @GetMapping("/provenance")
    @Operation(summary = "The facts (writes) by provenance: basis PRINTED, DERIVED (with the rule), RECONSTRUCTED "
            + "(with the words), or NOT_PRINTED — derived, reconstructed and writes that gave no source (basis "
            + "NOT_GIVEN); optionally from one document, or from the documents of one nämnd. Each with document, "
            + "section, page, entity, who and when, in store order. Paged: after (the previous page's next), limit "
            + "(default " + Paging.DEFAULT_LIMIT + ", at most " + Paging.MAX_LIMIT + ").")
    public FactPage provenance(@RequestParam(required = false) String basis,
                               @RequestParam(required = false) String document,
                               @RequestParam(required = false) String namnd,
                               @RequestParam(required = false) Long after,
                               @RequestParam(required = false) Integer limit) {
        if (basis != null && !BASES.contains(basis)) {
            throw ViewFreshness.problem(HttpStatus.BAD_REQUEST, "basis", "basis is one of " + BASES);
        }
        return queries.query(new FindFacts(basis, document, namnd, Paging.after(after), Paging.limit(limit)),
                ResponseTypes.instanceOf(FactPage.class)).join();
    }
}
