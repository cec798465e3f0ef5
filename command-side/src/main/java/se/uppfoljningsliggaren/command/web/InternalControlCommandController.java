package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AddIkRisk;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AdoptIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.AdoptIskBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ChangeIkAtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.CreateIkPlan;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.EvaluateIkAtgardEffect;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.RecordIskBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ReviseIkAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkCommands.ReviseIkRisk;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.EffektSvar;
import se.uppfoljningsliggaren.kernel.ik.IkValues.Krav;
import se.uppfoljningsliggaren.kernel.ik.IkValues.KravBedomning;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskVardering;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The write API of internal control: IK-plans, the åtgärd lifecycle and effect, ISK-bedömningar. */
@RestController
@Tag(name = "Internal control (write)", description = "Internkontrollplan, IK-åtgärder, ISK-bedömning")
public class InternalControlCommandController {

    private final CommandDispatcher dispatcher;

    InternalControlCommandController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Exactly one of a nämnd and regionövergripande: a nämnd's plan, or the rows regionstyrelsen sets for all. */
    public record IkPlanRequest(String namnd, Boolean regionovergripande,
                                @Schema(requiredMode = REQUIRED) Integer year) {
    }

    @PostMapping("/api/ik-plans")
    @Operation(summary = "Begin a nämnd's internkontrollplan for a year, or (regionovergripande: true) the "
            + "regionövergripande risks and åtgärder of the year")
    @CreatesResource
    public ResponseEntity<Object> create(@RequestBody IkPlanRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String namnd = scope(body.namnd(), body.regionovergripande());
        int year = Require.present(body.year(), "year");
        String id = IkCommands.ikPlanId(namnd, year);
        return dispatcher.dispatch(context, "POST /api/ik-plans", body, new CreateIkPlan(id, namnd, year),
                answer -> new WriteResult(id, 0), "/api/ik-plans/" + id);
    }

    public record RiskRequest(String riskId, @Schema(requiredMode = REQUIRED) String verksamhet,
                              @Schema(requiredMode = REQUIRED) String text, Set<Krav> krav,
                              RiskVardering riskvardering, Beslut revisionBeslut) {

        RiskContent content() {
            if (krav != null && krav.contains(null)) {
                throw CommandRejectedException.invalid("krav", "krav lists c, d or e; null is none of them");
            }
            return new RiskContent(verksamhet, text, krav, riskvardering);
        }
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/risks")
    @Operation(summary = "Add a risk: its verksamhet, text, the krav (c, d, e) it threatens, optionally sannolikhet "
            + "and konsekvens (1–4)")
    @CreatesResource
    public ResponseEntity<Object> addRisk(@PathVariable String ikPlanId, @RequestBody RiskRequest body,
                                          HttpServletRequest http) {
        return dispatcher.change(http, "POST risks " + ikPlanId, body, body.riskId(), "/api/ik-plans/" + ikPlanId,
                version -> new AddIkRisk(ikPlanId, version, body.riskId(), body.content(),
                        body.revisionBeslut()));
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/risks/{riskId}/revisions")
    @Operation(summary = "Revise a risk (after fastställande only with the beslut that decided it)")
    public ResponseEntity<Object> reviseRisk(@PathVariable String ikPlanId, @PathVariable String riskId,
                                             @RequestBody RiskRequest body, HttpServletRequest http) {
        return dispatcher.change(http, "POST risk revision " + ikPlanId + "/" + riskId, body, riskId, null,
                version -> new ReviseIkRisk(ikPlanId, version, riskId, body.content(), body.revisionBeslut()));
    }

    public record AtgardRequest(String atgardId, String riskId, Boolean regionRisk,
                                @Schema(requiredMode = REQUIRED) String text, String utforare, String rapporteras,
                                String tidplan, Beslut revisionBeslut) {

        AtgardContent content() {
            return new AtgardContent(text, utforare, rapporteras, tidplan);
        }
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/atgarder")
    @Operation(summary = "Add an åtgärd under a risk of the plan (or, regionRisk: true, the nämnd's own åtgärd under "
            + "a regionövergripande risk): text, who performs, who reports, when")
    @CreatesResource
    public ResponseEntity<Object> addAtgard(@PathVariable String ikPlanId, @RequestBody AtgardRequest body,
                                            HttpServletRequest http) {
        return dispatcher.change(http, "POST atgarder " + ikPlanId, body, body.atgardId(),
                "/api/ik-plans/" + ikPlanId,
                version -> new AddIkAtgard(ikPlanId, version, body.atgardId(), body.riskId(),
                        Boolean.TRUE.equals(body.regionRisk()), body.content(), body.revisionBeslut()));
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/atgarder/{atgardId}/revisions")
    @Operation(summary = "Revise an åtgärd; a regionövergripande one revised here shows in every nämnd's IK-plan")
    public ResponseEntity<Object> reviseAtgard(@PathVariable String ikPlanId, @PathVariable String atgardId,
                                               @RequestBody AtgardRequest body, HttpServletRequest http) {
        return dispatcher.change(http, "POST atgard revision " + ikPlanId + "/" + atgardId, body, atgardId, null,
                version -> new ReviseIkAtgard(ikPlanId, version, atgardId, body.content(),
                        body.revisionBeslut()));
    }

    public record AdoptionRequest(@Schema(requiredMode = REQUIRED) Beslut beslut) {
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/adoption")
    @Operation(summary = "Fastställ the IK-plan by a beslut")
    public ResponseEntity<Object> adopt(@PathVariable String ikPlanId, @RequestBody AdoptionRequest body,
                                        HttpServletRequest http) {
        return dispatcher.change(http, "POST adoption " + ikPlanId, body, ikPlanId, null,
                version -> new AdoptIkPlan(ikPlanId, version, body.beslut()));
    }

    public record StatusRequest(Boolean regionovergripande, @Schema(requiredMode = REQUIRED) AtgardStatus status,
                                @Schema(description = "The day the status applies from; leave it out where the "
                                        + "source prints none and give reportedIn") LocalDate datum,
                                @Schema(description = "The follow-up (occasion id) that reports the status, where "
                                        + "the source gives no date", example = "RS-VERKSAMHETSBERATTELSE-2024")
                                String reportedIn,
                                @Schema(description = "What happened; required with a datum, optional with "
                                        + "reportedIn (a source that prints no comment gives none)") String comment,
                                Beslut revisionBeslut) {
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/atgarder/{atgardId}/status")
    @Operation(summary = "Report a step of the åtgärd's lifecycle (planerad → pågående → avslutad | ej genomförd), "
            + "the date it applies from (or the follow-up that reports it, where no date is printed) and a comment")
    public ResponseEntity<Object> status(@PathVariable String ikPlanId, @PathVariable String atgardId,
                                         @RequestBody StatusRequest body, HttpServletRequest http) {
        return dispatcher.change(http, "POST status " + ikPlanId + "/" + atgardId, body, atgardId, null,
                version -> new ChangeIkAtgardStatus(ikPlanId, version, atgardId,
                        Boolean.TRUE.equals(body.regionovergripande()), body.status(), body.datum(), body.comment(),
                        body.revisionBeslut(), body.reportedIn()));
    }

    public record EffectRequest(Boolean regionovergripande, @Schema(requiredMode = REQUIRED) String occasionId,
                                EffektSvar svar, String comment, Beslut revisionBeslut) {
    }

    @PostMapping("/api/ik-plans/{ikPlanId}/atgarder/{atgardId}/effect")
    @Operation(summary = "Answer \"Har åtgärden bidragit till önskad effekt?\" (JA, DELVIS, NEJ, or no svar) at a "
            + "delårsrapport or verksamhetsberättelse")
    public ResponseEntity<Object> effect(@PathVariable String ikPlanId, @PathVariable String atgardId,
                                         @RequestBody EffectRequest body, HttpServletRequest http) {
        return dispatcher.change(http, "POST effect " + ikPlanId + "/" + atgardId, body, atgardId, null,
                version -> new EvaluateIkAtgardEffect(ikPlanId, version, atgardId,
                        Boolean.TRUE.equals(body.regionovergripande()), body.occasionId(), body.svar(), body.comment(),
                        body.revisionBeslut()));
    }

    public record IskRequest(String namnd, Boolean regionovergripande, @Schema(requiredMode = REQUIRED) Integer year,
                             @Schema(requiredMode = REQUIRED) Boolean tillracklig,
                             @Schema(requiredMode = REQUIRED) String motivation, List<KravBedomning> krav,
                             Beslut revisionBeslut) {
    }

    @PostMapping("/api/isk-bedomningar")
    @Operation(summary = "Record a nämnd's ISK-bedömning of a year (tillräcklig or not, motivation, optionally per "
            + "krav a–e), or (regionovergripande: true) regionstyrelsen's samlad bedömning for the region; each "
            + "recording is a new version of the bedömning (201, as a correction of an utfall is)")
    @CreatesResource
    public ResponseEntity<Object> recordIsk(@RequestBody IskRequest body, HttpServletRequest http) {
        WriteContext context = WriteContext.of(http);
        String namnd = scope(body.namnd(), body.regionovergripande());
        int year = Require.present(body.year(), "year");
        String id = IkCommands.iskId(namnd, year);
        return dispatcher.dispatch(context, "POST /api/isk-bedomningar", body,
                new RecordIskBedomning(id, context.expectedVersion(), namnd, year, body.tillracklig(),
                        body.motivation(), body.krav(), body.revisionBeslut()),
                answer -> new WriteResult(id, ((Number) answer).longValue()),
                "/api/isk-bedomningar/" + (namnd == null ? "region" : namnd) + "/" + year);
    }

    @PostMapping("/api/isk-bedomningar/{iskId}/adoption")
    @Operation(summary = "Fastställ the ISK-bedömning by a beslut")
    public ResponseEntity<Object> adoptIsk(@PathVariable String iskId, @RequestBody AdoptionRequest body,
                                           HttpServletRequest http) {
        return dispatcher.change(http, "POST adoption " + iskId, body, iskId, null,
                version -> new AdoptIskBedomning(iskId, version, body.beslut()));
    }

    /** @return the nämnd code, or null for what regionstyrelsen decides for the whole region */
    private static String scope(String namnd, Boolean regionovergripande) {
        boolean region = Boolean.TRUE.equals(regionovergripande);
        if (region == (namnd != null)) {
            throw CommandRejectedException.invalid("namnd", "name either a nämnd or regionovergripande: true");
        }
        return region ? null : Require.id(namnd, "namnd");
    }
}
