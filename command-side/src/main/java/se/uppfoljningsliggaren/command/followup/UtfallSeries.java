package se.uppfoljningsliggaren.command.followup;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import se.uppfoljningsliggaren.command.Aggregates;
import se.uppfoljningsliggaren.command.CommandRejectedException;
import se.uppfoljningsliggaren.command.Require;
import se.uppfoljningsliggaren.command.catalogue.CatalogueLookup;
import se.uppfoljningsliggaren.command.plan.Plan;
import se.uppfoljningsliggaren.command.plan.PlanLookup;
import se.uppfoljningsliggaren.kernel.followup.BreakdownValue;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.CorrectUtfall;
import se.uppfoljningsliggaren.kernel.followup.FollowUpCommands.RecordUtfall;
import se.uppfoljningsliggaren.kernel.followup.UtfallCorrected;
import se.uppfoljningsliggaren.kernel.followup.UtfallRecorded;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One nämnd's recorded figures for one indikator and year. A figure (period and basis) is recorded once; every later
 * change is a correction that names it and says why. Small by design: a year holds at most a few dozen figures.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UtfallSeries {

    @AggregateIdentifier
    private String seriesId;
    private String namndCode;
    private String indikatorId;
    private int year;
    /** The current value of each recorded figure, by its key (period and basis). */
    private final Map<String, PeriodValue> figures = new HashMap<>();

    protected UtfallSeries() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordUtfall command, CatalogueLookup catalogue, PlanLookup plans) {
        Aggregates.expectVersion(command.seriesId(), command.expectedVersion());
        if (seriesId == null) {
            if (!catalogue.namndExists(command.namndCode())) {
                throw CommandRejectedException.unknown("namnd", "no nämnd with code " + command.namndCode());
            }
            if (!catalogue.indikatorExists(command.indikatorId())) {
                throw CommandRejectedException.unknown("indikatorId", "no indikator " + command.indikatorId());
            }
            if (!FollowUpCommands.seriesId(command.namndCode(), command.indikatorId(), command.year())
                    .equals(command.seriesId())) {
                throw CommandRejectedException.invalid("seriesId", "a series is identified by nämnd, indikator and year");
            }
        }
        PeriodValue figure = inYear(Require.present(command.figure(), "figure"), command.year());
        // A figure is reported under a plan: its year's, or the next year's beside this year's value ("Dec 2023 vs
        // Dec 2024" in the 2024 report).
        int planYear = command.planYear() == null ? command.year() : command.planYear();
        if (planYear != command.year() && planYear != command.year() + 1) {
            throw CommandRejectedException.invalid("figure.period", figure.period().label()
                    + " is outside the plan year " + planYear + " (and the year before it)");
        }
        if (plans.plan(Plan.planId(command.namndCode(), planYear)).isEmpty()) {
            throw CommandRejectedException.unknown("planYear", "no plan " + Plan.planId(command.namndCode(), planYear)
                    + " to report the figure under");
        }
        if (figures.containsKey(key(figure))) {
            throw CommandRejectedException.conflict("figure", "a " + figure.basis().name().toLowerCase() + " for "
                    + figure.period().label() + " is already recorded; record a correction with its reason instead");
        }
        apply(new UtfallRecorded(command.seriesId(), command.namndCode(), command.indikatorId(), command.year(), figure,
                breakdowns(command.breakdowns()), Require.optionalText(command.source(), "source", 500),
                Require.optionalText(command.comment(), "comment", 8000)));
        return Aggregates.currentVersion();
    }

    @CommandHandler
    public long handle(CorrectUtfall command) {
        PeriodValue figure = Require.present(command.figure(), "figure");
        PeriodValue corrected = figures.get(key(figure));
        if (corrected == null) {
            throw CommandRejectedException.unknown("figure", "no " + figure.basis().name().toLowerCase() + " for "
                    + figure.period().label() + " is recorded, so there is nothing to correct");
        }
        apply(new UtfallCorrected(seriesId, namndCode, indikatorId, year, figure, corrected,
                breakdowns(command.breakdowns()), Require.text(command.reason(), "reason", 2000)));
        return Aggregates.currentVersion();
    }

    private static PeriodValue inYear(PeriodValue figure, int year) {
        if (figure.period().endYear() != year) {
            throw CommandRejectedException.invalid("figure.period",
                    figure.period().label() + " is outside the year " + year);
        }
        return figure;
    }

    private static List<BreakdownValue> breakdowns(List<BreakdownValue> breakdowns) {
        List<BreakdownValue> rows = breakdowns == null ? List.of() : breakdowns;
        Set<String> labels = new HashSet<>();
        for (BreakdownValue row : rows) {
            Require.present(row, "breakdowns");
            Require.present(row.dimension(), "breakdowns.dimension");
            Require.present(row.value(), "breakdowns.value");
            if (!labels.add(Require.text(row.label(), "breakdowns.label", 200))) {
                throw CommandRejectedException.invalid("breakdowns.label", "breakdown " + row.label() + " is given twice");
            }
        }
        return List.copyOf(rows);
    }

    private static String key(PeriodValue figure) {
        return figure.basis() + " " + figure.period().label();
    }


    @EventSourcingHandler
    void on(UtfallRecorded event) {
        seriesId = event.seriesId();
        namndCode = event.namndCode();
        indikatorId = event.indikatorId();
        year = event.year();
        figures.put(key(event.figure()), event.figure());
    }

    @EventSourcingHandler
    void on(UtfallCorrected event) {
        figures.put(key(event.figure()), event.figure());
    }
}
