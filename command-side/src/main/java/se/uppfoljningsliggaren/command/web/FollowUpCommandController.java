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
import se.uppfoljningsliggaren.kernel.followup.BreakdownValue;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.CorrectUtfall;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.RecordUtfall;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The write API of period results: utfall and prognos per indikator and period, and their corrections. */
@RestController
@RequestMapping("/api/utfall")
@Tag(name = "Utfall (write)", description = "Record what actually happened; a figure is never changed, only corrected")
public class FollowUpCommandController {

    private final CommandDispatcher dispatcher;

    FollowUpCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public record UtfallRequest(@Schema(requiredMode = REQUIRED) String namnd,
                                @Schema(requiredMode = REQUIRED) String indikatorId, Integer planYear,
                                @Schema(requiredMode = REQUIRED) PeriodValue figure, List<BreakdownValue> breakdowns,
                                String source, String comment) {
    }

    @PostMapping
    @Operation(summary = "Record an utfall or prognos for an indikator and a period ('maj 2025', 'tertial 2 2025', "
            + "'per 31 juli 2024', '2024', 'prognos 2025'), optionally missing with a reason. planYear names the plan "
            + "it is reported under (default: the period's year; the year before is allowed beside this year's)")
    @CreatesResource
    public ResponseEntity<Object> record(@RequestBody UtfallRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String seriesId = series(body.namnd(), body.indikatorId(), body.figure());
        return dispatcher.dispatch(context, "POST /api/utfall", body,
                new RecordUtfall(seriesId, context.expectedVersion(), body.namnd(), body.indikatorId(), body.figure().period().endYear(),
                        body.planYear(), body.figure(), body.breakdowns(), body.source(), body.comment()),
                answer -> new WriteResult(seriesId, ((Number) answer).longValue()), "/api/indikatorer/"
                        + body.indikatorId() + "/series?namnd=" + body.namnd());
    }

    public record CorrectionRequest(@Schema(requiredMode = REQUIRED) String namnd,
                                    @Schema(requiredMode = REQUIRED) String indikatorId,
                                    @Schema(requiredMode = REQUIRED) PeriodValue figure,
                                    List<BreakdownValue> breakdowns, @Schema(requiredMode = REQUIRED) String reason) {
    }

    @PostMapping("/corrections")
    @Operation(summary = "Correct a recorded figure (named by nämnd, indikator, period and basis) with the reason")
    @CreatesResource
    public ResponseEntity<Object> correct(@RequestBody CorrectionRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String seriesId = series(body.namnd(), body.indikatorId(), body.figure());
        return dispatcher.dispatch(context, "POST /api/utfall/corrections", body,
                new CorrectUtfall(seriesId, context.expectedVersion(), body.figure(), body.breakdowns(), body.reason()),
                answer -> new WriteResult(seriesId, ((Number) answer).longValue()), "/api/indikatorer/"
                        + body.indikatorId() + "/series?namnd=" + body.namnd());
    }

    private static String series(String namnd, String indikatorId, PeriodValue figure) {
        Require.present(namnd, "namnd");
        Require.id(indikatorId, "indikatorId");
        Require.present(figure, "figure");
        return FollowUpCommands.seriesId(namnd, indikatorId, figure.period().endYear());
    }
}
