package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.source.SourceCommands;
import se.uppfoljningsliggaren.kernel.source.SourceCommands.RegisterSourceDocument;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentKind;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The write API of source documents: what a write's X-Source names. */
@RestController
@RequestMapping("/api/sources")
@Tag(name = "Sources (write)", description = "The documents the ledger's facts come from")
public class SourceCommandController {

    private final CommandDispatcher dispatcher;

    SourceCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record SourceDocumentRequest(@Schema(requiredMode = REQUIRED) String documentId,
                                        @Schema(requiredMode = REQUIRED) String title,
                                        @Schema(requiredMode = REQUIRED) String namnd,
                                        @Schema(requiredMode = REQUIRED) Integer year,
                                        @Schema(requiredMode = REQUIRED) SourceDocumentKind kind,
                                        String diarienummer,
                                        List<SourceDocumentRegistered.Field> notGivenInSource) {
    }

    @PostMapping
    @Operation(summary = "Register a source document (id, title, nämnd, year, kind, and its diarienummer as printed "
            + "— or notGivenInSource [\"DIARIENUMMER\"] where it prints none). Then a write says where its content "
            + "comes from with X-Source: document=<id>; section=…; page=…; basis=PRINTED|DERIVED|RECONSTRUCTED "
            + "(rule=… for DERIVED, words=… for RECONSTRUCTED), values percent-encoded UTF-8. Admin, or the "
            + "controller of the document's nämnd.")
    @CreatesResource
    public ResponseEntity<Object> register(@RequestBody SourceDocumentRequest body, HttpServletRequest http) {
        String documentId = Require.id(body.documentId(), "documentId");
        return dispatcher.dispatch(WriteContext.of(http), "POST /api/sources", body,
                new RegisterSourceDocument(SourceCommands.aggregateId(documentId), documentId, body.title(),
                        body.namnd(), body.year(), body.kind(), body.diarienummer(), body.notGivenInSource()),
                answer -> new WriteResult(documentId, 0), "/api/sources/" + documentId);
    }
}
