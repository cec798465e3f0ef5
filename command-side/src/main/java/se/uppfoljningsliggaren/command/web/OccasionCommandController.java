package se.uppfoljningsliggaren.command.web;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.IndikatorStatus;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Trend;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AdoptOccasion;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AssessIndikator;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AssessItem;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.OpenOccasion;
import se.uppfoljningsliggaren.kernel.followup.ResultatLine;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.Varde;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The write API of follow-up occasions: the nämnd's måluppfyllelse per goal, uppdrag and indikator. */
@RestController
@RequestMapping("/api/followups")
@Tag(name = "Follow-up (write)", description = "Periodrapport, delårsrapport, verksamhetsberättelse")
public class OccasionCommandController {

    private final CommandDispatcher dispatcher;

    OccasionCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record OpenRequest(@Schema(requiredMode = REQUIRED) String namnd,
                              @Schema(requiredMode = REQUIRED) OccasionKind kind,
                              @Schema(requiredMode = REQUIRED) Period period) {
    }

    @PostMapping
    @Operation(summary = "Open a follow-up occasion of a nämnd against its plan for the year")
    @CreatesResource
    public ResponseEntity<Object> open(@RequestBody OpenRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String id = OccasionCommands.occasionId(Require.present(body.namnd(), "namnd"),
                Require.present(body.kind(), "kind"), Require.present(body.period(), "period"));
        return dispatcher.dispatch(context, "POST /api/followups", body,
                new OpenOccasion(id, body.namnd(), body.kind(), body.period()), answer -> new WriteResult(id, 0),
                "/api/followups/" + id);
    }

    public record AssessmentRequest(@Schema(requiredMode = REQUIRED) String itemId,
                                    @Schema(requiredMode = REQUIRED) Colour colour, String notAssessedReason,
                                    Trend trend, String comment, Boolean reconstructed, Beslut revisionBeslut) {
    }

    @PostMapping("/{occasionId}/assessments")
    @Operation(summary = "Record the måluppfyllelse of a goal or uppdrag: colour (or not assessed with a reason), trend, comment")
    public ResponseEntity<Object> assess(@PathVariable String occasionId, @RequestBody AssessmentRequest body,
                                         HttpServletRequest http) {
        return dispatcher.change(http, "POST assessments " + occasionId, body, body.itemId(), null,
                version -> new AssessItem(occasionId, version, body.itemId(), body.colour(),
                        body.notAssessedReason(), body.trend(), body.comment(), Boolean.TRUE.equals(body.reconstructed()),
                        body.revisionBeslut()));
    }

    /** Named apart from the catalogue's IndikatorRequest: schema names are simple class names. */
    @Schema(name = "IndikatorAssessmentRequest")
    public record IndikatorRequest(@Schema(requiredMode = REQUIRED) String styrtalId,
                                   @Schema(requiredMode = REQUIRED) IndikatorStatus status, PeriodValue utfall,
                                   String comment, Beslut revisionBeslut) {
    }

    @PostMapping("/{occasionId}/indikatorer")
    @Operation(summary = "Record an indikator's status (helt, delvis, inte alls, värde saknas) with its utfall")
    public ResponseEntity<Object> assessIndikator(@PathVariable String occasionId, @RequestBody IndikatorRequest body,
                                                  HttpServletRequest http) {
        return dispatcher.change(http, "POST indikatorer " + occasionId, body, body.styrtalId(), null,
                version -> new AssessIndikator(occasionId, version, body.styrtalId(), body.status(),
                        body.utfall(), body.comment(), body.revisionBeslut()));
    }

    public record ResultatrapportRequest(@Schema(requiredMode = REQUIRED) String title,
                                         String budgetVersion,
                                         @Schema(requiredMode = REQUIRED) List<ResultatLineRequest> lines,
                                         Beslut revisionBeslut) {

        List<ResultatLine> resultatLines() {
            return lines == null ? null : lines.stream().map(l -> l == null ? null : l.line()).toList();
        }
    }

    /**
     * A row: {@code printed} holds its amounts as printed, by name (budget, utfall, utfallPreviousYear, prognos:
     * "-2 077,9"; words as {"form": …, "written": …}), the ledger reading the numbers from them, and the printed
     * budgetavvikelse and forandring, kept beside the computed ones; the number fields are for a writer with no
     * printed form (both given must agree).
     */
    public record ResultatLineRequest(@Schema(requiredMode = REQUIRED) String lineId, String parentLineId,
                                      @Schema(requiredMode = REQUIRED) String label, BigDecimal budget,
                                      BigDecimal utfall, BigDecimal utfallPreviousYear, BigDecimal prognos,
                                      @JsonDeserialize(contentUsing = ValueInputModule.AmountDeserializer.class)
                                      Map<String, Varde> printed) {

        ResultatLine line() {
            return new ResultatLine(lineId, parentLineId, label, budget, utfall, utfallPreviousYear, prognos, printed);
        }
    }

    @PostMapping("/{occasionId}/resultatrapport")
    @Operation(summary = "Record the resultatrapport: per line budget, utfall, last year's utfall (mnkr, as printed) "
            + "and the budget version compared against; avvikelse and förändring are computed")
    public ResponseEntity<Object> resultatrapport(@PathVariable String occasionId,
                                                  @RequestBody ResultatrapportRequest body, HttpServletRequest http) {
        return dispatcher.change(http, "POST resultatrapport " + occasionId, body, occasionId, null,
                version -> new OccasionCommands.RecordResultatrapport(occasionId, version, body.title(),
                        body.budgetVersion(), body.resultatLines(), body.revisionBeslut()));
    }

    @PutMapping("/{occasionId}/figure-tables/{tableId}")
    @Operation(summary = "Record a table of figures of the follow-up (personalekonomi, nyckeltal) as printed, each "
            + "cell in its printed form; recorded again under the same id it replaces the earlier one")
    public ResponseEntity<Object> recordFigureTable(@PathVariable String occasionId, @PathVariable String tableId,
                                                    @RequestBody FigureTableRequest body, HttpServletRequest http) {
        return dispatcher.change(http, "PUT figure-tables " + occasionId + " " + tableId, body, tableId, null,
                version -> new OccasionCommands.RecordOccasionFigureTable(occasionId, version, tableId,
                        body.table(), body.revisionBeslut()));
    }

    public record AdoptionRequest(@Schema(requiredMode = REQUIRED) Beslut beslut) {
    }

    @PostMapping("/{occasionId}/adoption")
    @Operation(summary = "Fastställ the follow-up by a beslut")
    public ResponseEntity<Object> adopt(@PathVariable String occasionId, @RequestBody AdoptionRequest body,
                                        HttpServletRequest http) {
        return dispatcher.change(http, "POST adoption " + occasionId, body, occasionId, null,
                version -> new AdoptOccasion(occasionId, version, body.beslut()));
    }
}
