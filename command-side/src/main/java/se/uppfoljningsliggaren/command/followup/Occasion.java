package se.uppfoljningsliggaren.command.followup;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.Aggregates;
import se.uppfoljningsliggaren.command.Amounts;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.FigureTables;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.command.Revisions;
import se.uppfoljningsliggaren.command.plan.Plan;
import se.uppfoljningsliggaren.command.plan.PlanLookup;
import se.uppfoljningsliggaren.kernel.followup.Assessment.Colour;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.IndikatorAssessed;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.OccasionFigureTableRecorded;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AdoptOccasion;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AssessIndikator;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.AssessItem;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.OpenOccasion;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands.RecordResultatrapport;
import se.uppfoljningsliggaren.kernel.followup.ResultatLine;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A follow-up occasion of one nämnd (periodrapport, delårsrapport, verksamhetsberättelse): the nämnd's assessment of
 * each goal, uppdrag and indikator of its plan for the year. Fastställd by a beslut; after that, every change cites a
 * beslut, as for plans.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Occasion {

    @AggregateIdentifier
    private String occasionId;
    private String planId;
    private String namndCode;
    private int year;
    private OccasionKind kind;
    private Period period;
    private Beslut adoptedBy;

    protected Occasion() {
    }

    @CommandHandler
    public Occasion(OpenOccasion command, PlanLookup plans) {
        OccasionKind kind = Require.present(command.kind(), "kind");
        Period period = Require.present(command.period(), "period");
        boolean fits = switch (kind) {
            case VERKSAMHETSBERATTELSE -> period.kind() == Period.Kind.YEAR;
            case DELARSRAPPORT -> period.kind() == Period.Kind.DELAR || period.kind() == Period.Kind.TERTIAL;
            case PERIODRAPPORT -> period.kind() == Period.Kind.MONTH;
        };
        if (!fits) {
            throw CommandRejectedException.invalid("period", "a " + kind.name().toLowerCase() + " does not cover "
                    + period.label());
        }
        if (!OccasionCommands.occasionId(command.namndCode(), kind, period).equals(command.occasionId())) {
            throw CommandRejectedException.invalid("occasionId", "an occasion is identified by nämnd, kind and period");
        }
        String planId = Plan.planId(command.namndCode(), period.endYear());
        if (plans.plan(planId).isEmpty()) {
            throw CommandRejectedException.unknown("namnd", "no plan " + planId + " to follow up");
        }
        apply(new OccasionOpened(command.occasionId(), command.namndCode(), period.endYear(), planId, kind, period));
    }

    @CommandHandler
    public long handle(AssessItem command, PlanLookup plans) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        Plan.PlanItems items = plans.plan(planId).orElseThrow();
        if (command.itemId() == null
                || !(items.goals().contains(command.itemId()) || items.uppdrag().contains(command.itemId()))) {
            throw CommandRejectedException.unknown("itemId", "no goal or uppdrag " + command.itemId() + " in " + planId);
        }
        Colour colour = Require.present(command.colour(), "colour");
        String reason = Require.optionalText(command.notAssessedReason(), "notAssessedReason", 2000);
        if ((colour == Colour.NOT_ASSESSED) != (reason != null)) {
            throw CommandRejectedException.invalid("notAssessedReason",
                    "a reason is given exactly when the item is not assessed");
        }
        apply(new ItemAssessed(occasionId, command.itemId(), colour, reason, command.trend(),
                Require.optionalText(command.comment(), "comment", 8000), command.reconstructed(), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AssessIndikator command, PlanLookup plans) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        if (command.styrtalId() == null || !plans.plan(planId).orElseThrow().styrtal().contains(command.styrtalId())) {
            throw CommandRejectedException.unknown("styrtalId", "no styrtal " + command.styrtalId() + " in " + planId);
        }
        apply(new IndikatorAssessed(occasionId, command.styrtalId(), Require.present(command.status(), "status"),
                command.utfall(), Require.optionalText(command.comment(), "comment", 8000), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(RecordResultatrapport command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        // A resultatrapport that does not say which budget it compares against (001 does not) records no version.
        String version = command.budgetVersion();
        if (version != null && !version.equals("beslutad") && !version.equals("aktuell")) {
            throw CommandRejectedException.invalid("budgetVersion", "the budget compared against is 'beslutad' or "
                    + "'aktuell', or not given where the source does not say");
        }
        List<ResultatLine> lines = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ResultatLine line : Require.present(command.lines(), "lines")) {
            Require.present(line, "lines");
            if (!ids.add(Require.id(line.lineId(), "lines.lineId"))) {
                throw CommandRejectedException.invalid("lines.lineId", "line " + line.lineId() + " is given twice");
            }
            if (line.parentLineId() != null && !ids.contains(line.parentLineId())) {
                throw CommandRejectedException.unknown("lines.parentLineId",
                        "a parent line comes before its children: " + line.parentLineId());
            }
            Map<String, BigDecimal> numbers = new HashMap<>();
            numbers.put("budget", line.budget());
            numbers.put("utfall", line.utfall());
            numbers.put("utfallPreviousYear", line.utfallPreviousYear());
            numbers.put("prognos", line.prognos());
            Set<String> printable = new HashSet<>(ResultatLine.AMOUNTS);
            printable.addAll(ResultatLine.COMPUTED);
            Amounts.Cells cells = Amounts.mnkr(numbers, line.printed(), printable, "lines", "lines.printed");
            Map<String, BigDecimal> amounts = cells.amounts();
            lines.add(new ResultatLine(line.lineId(), line.parentLineId(), Require.text(line.label(), "lines.label", 300),
                    amounts.get("budget"), amounts.get("utfall"), amounts.get("utfallPreviousYear"),
                    amounts.get("prognos"), cells.printed()));
        }
        apply(new ResultatrapportRecorded(occasionId, Require.text(command.title(), "title", 300), version,
                List.copyOf(lines), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(OccasionCommands.RecordOccasionFigureTable command) {
        Beslut beslut = changeAllowed(command.revisionBeslut());
        apply(new OccasionFigureTableRecorded(occasionId, Require.id(command.tableId(), "tableId"),
                FigureTables.valid(command.table()), beslut));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(AdoptOccasion command) {
        if (adoptedBy != null) {
            throw CommandRejectedException.conflict("status", occasionId + " is already fastställd by " + adoptedBy);
        }
        apply(new OccasionAdopted(occasionId, Require.present(command.beslut(), "beslut")));
        return Aggregates.currentVersion();
    }

    /** What other aggregates' rules need to know of an occasion (whose it is, and whether it is fastställd). */
    public record OccasionFacts(String occasionId, String namndCode, int year, OccasionKind kind, Period period,
                                Beslut adoptedBy) {
    }

    public OccasionFacts facts() {
        return new OccasionFacts(occasionId, namndCode, year, kind, period, adoptedBy);
    }

    private Beslut changeAllowed(Beslut revisionBeslut) {
        return Revisions.check(occasionId, adoptedBy, revisionBeslut);
    }

    @EventSourcingHandler
    void on(OccasionOpened event) {
        occasionId = event.occasionId();
        planId = event.planId();
        namndCode = event.namndCode();
        year = event.year();
        kind = event.kind();
        period = event.period();
    }

    @EventSourcingHandler
    void on(OccasionAdopted event) {
        adoptedBy = event.beslut();
    }
}
