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
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.IssueRfUppdrag;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterIndikator;
import se.uppfoljningsliggaren.kernel.catalogue.CatalogueCommands.RegisterNamnd;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The write API of reference data: nämnder, the indikator catalogue and region-wide RF uppdrag. */
@RestController
@RequestMapping("/api")
@Tag(name = "Catalogue (write)", description = "Reference data every plan refers to")
public class CatalogueCommandController {

    private final CommandDispatcher dispatcher;

    CatalogueCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record NamndRequest(@Schema(requiredMode = REQUIRED) String code,
                               @Schema(requiredMode = REQUIRED) String name, String forvaltning) {
    }

    @PostMapping("/namnder")
    @Operation(summary = "Register a nämnd (short code, name, förvaltning)")
    @CreatesResource
    public ResponseEntity<Object> registerNamnd(@RequestBody NamndRequest body, HttpServletRequest http) {
        return dispatcher.dispatch(WriteContext.of(http), "POST /api/namnder", body,
                new RegisterNamnd(body.code(), body.name(), body.forvaltning()),
                answer -> new WriteResult(body.code(), 0), "/api/namnder/" + body.code());
    }

    public record IndikatorRequest(@Schema(requiredMode = REQUIRED) String indikatorId,
                                   @Schema(requiredMode = REQUIRED) String name, String unit, String description) {
    }

    @PostMapping("/indikatorer")
    @Operation(summary = "Register an indikator in the catalogue: a stable identity across years and plans")
    @CreatesResource
    public ResponseEntity<Object> registerIndikator(@RequestBody IndikatorRequest body, HttpServletRequest http) {
        return dispatcher.dispatch(WriteContext.of(http), "POST /api/indikatorer", body,
                new RegisterIndikator(body.indikatorId(), body.name(), body.unit(), body.description()),
                answer -> new WriteResult(body.indikatorId(), 0), "/api/indikatorer/" + body.indikatorId());
    }

    public record ContinuesFrom(@Schema(requiredMode = REQUIRED) Integer year,
                                @Schema(requiredMode = REQUIRED) Integer nr) {
    }

    public record RfUppdragRequest(@Schema(requiredMode = REQUIRED) Integer year,
                                   @Schema(requiredMode = REQUIRED) Integer nr,
                                   @Schema(requiredMode = REQUIRED) String text,
                                   @Schema(requiredMode = REQUIRED) List<String> givenTo, ContinuesFrom continuesFrom) {
    }

    @PostMapping("/rf-uppdrag")
    @Operation(summary = "Issue a region-wide RF uppdrag: one number and text per year, given to one or several nämnder")
    @CreatesResource
    public ResponseEntity<Object> issueRfUppdrag(@RequestBody RfUppdragRequest body, HttpServletRequest http) {
        if (body.year() == null || body.nr() == null) {
            throw CommandRejectedException.invalid(body.year() == null ? "year" : "nr", "year and nr are required");
        }
        String id = CatalogueCommands.rfUppdragId(body.year(), body.nr());
        String continuesFrom = body.continuesFrom() == null ? null
                : CatalogueCommands.rfUppdragId(body.continuesFrom().year(), body.continuesFrom().nr());
        return dispatcher.dispatch(WriteContext.of(http), "POST /api/rf-uppdrag", body,
                new IssueRfUppdrag(id, body.year(), body.nr(), body.text(), body.givenTo(), continuesFrom),
                answer -> new WriteResult(id, 0), "/api/rf-uppdrag/" + id);
    }
}
