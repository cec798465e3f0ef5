package se.uppfoljningsliggaren.query.audit;

import se.uppfoljningsliggaren.kernel.access.NamndScopeSet;
import se.uppfoljningsliggaren.kernel.audit.EntityKind;
import se.uppfoljningsliggaren.kernel.catalogue.IndikatorRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.NamndRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.RfUppdragIssued;
import se.uppfoljningsliggaren.kernel.followup.IndikatorAssessed;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.OccasionFigureTableRecorded;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.followup.UtfallCorrected;
import se.uppfoljningsliggaren.kernel.followup.UtfallRecorded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardAdded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardRevised;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanCreated;
import se.uppfoljningsliggaren.kernel.ik.IkRiskAdded;
import se.uppfoljningsliggaren.kernel.ik.IkRiskRevised;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningRecorded;
import se.uppfoljningsliggaren.kernel.plan.AktivitetAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineAdded;
import se.uppfoljningsliggaren.kernel.plan.BudgetLineRevised;
import se.uppfoljningsliggaren.kernel.plan.BudgetTableAdded;
import se.uppfoljningsliggaren.kernel.plan.FigureTableRecorded;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.plan.GoalRevised;
import se.uppfoljningsliggaren.kernel.plan.ItemContinued;
import se.uppfoljningsliggaren.kernel.plan.ItemMarkedNew;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.plan.PlanCreated;
import se.uppfoljningsliggaren.kernel.plan.PlanEvent;
import se.uppfoljningsliggaren.kernel.plan.PreviousItemDropped;
import se.uppfoljningsliggaren.kernel.plan.RfUppdragReceived;
import se.uppfoljningsliggaren.kernel.plan.StyrtalAdded;
import se.uppfoljningsliggaren.kernel.plan.StyrtalRevised;
import se.uppfoljningsliggaren.kernel.plan.UppdragAdded;
import se.uppfoljningsliggaren.kernel.source.SourceDocumentRegistered;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.kernel.value.PeriodValue;
import se.uppfoljningsliggaren.kernel.value.PlanItemKind;

import java.util.LinkedHashMap;
import java.util.Map;

import static se.uppfoljningsliggaren.kernel.audit.EntityKind.*;

/**
 * What one event changed, for the audit trail: the entity, the beslut the event cites, and the fields of the
 * entity's content it sets (merged over the content before it, so {@code after} is the whole content). One mapping
 * per event type, grouped by family; a type without a mapping is refused, so the trail can never skip an event
 * silently (the event is parked instead).
 *
 * @param reason a reason the event itself carries (a correction's), used when its metadata gives none
 */
record AuditedChange(EntityKind kind, String entityKey, Beslut beslut, Map<String, Object> fields, String reason) {

    private static final String STATUS = "status";

    static AuditedChange of(Object event) {
        if (event instanceof PlanEvent plan) {
            return plan(plan);
        }
        AuditedChange change = followUp(event);
        if (change == null) {
            change = internalControl(event);
        }
        if (change == null) {
            change = catalogue(event);
        }
        if (change == null) {
            throw new IllegalArgumentException("the audit trail has no mapping for " + event.getClass().getName());
        }
        return change;
    }

    private static AuditedChange plan(PlanEvent event) {
        String planId = event.planId();
        if (event instanceof PlanCreated e) {
            return change(PLAN.key(planId), null, fields("namndCode", e.namndCode(), "year", e.year(), "title",
                    e.title(), "planningYears", e.planningYears(), STATUS, "UTKAST"));
        }
        if (event instanceof PlanAdopted e) {
            return change(PLAN.key(planId), e.beslut(), fields(STATUS, "FASTSTALLD"));
        }
        if (event instanceof GoalAdded e) {
            return change(GOAL.key(planId, e.goalId()), e.revisionBeslut(), fields("parentGoalId", e.parentGoalId(),
                    "kind", e.kind(), "origin", e.origin(), "numbering", e.numbering(), "title", e.title(),
                    "description", e.description()));
        }
        if (event instanceof GoalRevised e) {
            return change(GOAL.key(planId, e.goalId()), e.revisionBeslut(), fields("numbering", e.numbering(),
                    "title", e.title(), "description", e.description()));
        }
        if (event instanceof StyrtalAdded e) {
            return change(STYRTAL.key(planId, e.styrtalId()), e.revisionBeslut(), fields("goalId", e.goalId(),
                    "indikatorId", e.indikatorId(), "content", e.content()));
        }
        if (event instanceof StyrtalRevised e) {
            return change(STYRTAL.key(planId, e.styrtalId()), e.revisionBeslut(), fields("content", e.content()));
        }
        if (event instanceof RfUppdragReceived e) {
            return change(UPPDRAG.key(planId, e.rfUppdragId()), e.revisionBeslut(), fields("goalId", e.goalId(),
                    "rfUppdragId", e.rfUppdragId()));
        }
        if (event instanceof UppdragAdded e) {
            return change(UPPDRAG.key(planId, e.uppdragId()), e.revisionBeslut(), fields("goalId", e.goalId(),
                    "source", e.source(), "numbering", e.numbering(), "text", e.text(), "assignee", e.assignee(),
                    "continuesFrom", e.continuesFrom()));
        }
        if (event instanceof AktivitetAdded e) {
            return change(AKTIVITET.key(planId, e.aktivitetId()), e.revisionBeslut(), fields("goalId", e.goalId(),
                    "uppdragId", e.uppdragId(), "text", e.text()));
        }
        if (event instanceof BudgetTableAdded e) {
            return change(BUDGET_TABLE.key(planId, e.tableId()), e.revisionBeslut(), fields("kind", e.kind(),
                    "title", e.title(), "columns", e.columns()));
        }
        if (event instanceof BudgetLineAdded e) {
            return change(BUDGET_LINE.key(planId, e.lineId()), e.revisionBeslut(), fields("tableId", e.tableId(),
                    "parentLineId", e.parentLineId(), "label", e.label(), "position", e.position(), "amounts",
                    e.amounts(), "printed", e.printed()));
        }
        if (event instanceof FigureTableRecorded e) {
            return change(FIGURE_TABLE.key(planId, e.tableId()), e.revisionBeslut(), fields("table", e.table()));
        }
        if (event instanceof ItemContinued e) {
            return change(continuityEntity(e.kind()).key(planId, e.itemId()), e.revisionBeslut(),
                    fields("continues", e.previousPlanId() + ":" + e.previousItemId()));
        }
        if (event instanceof ItemMarkedNew e) {
            return change(continuityEntity(e.kind()).key(planId, e.itemId()), e.revisionBeslut(),
                    fields("continues", "new"));
        }
        if (event instanceof PreviousItemDropped e) {
            // the earlier item belongs to the earlier plan's stream: the statement is the later plan's
            return change(PLAN.key(planId), e.revisionBeslut(), fields("notContinued:" + e.kind() + ":"
                    + e.previousPlanId() + ":" + e.previousItemId(), e.reason() == null ? "" : e.reason()));
        }
        // The permitted types of the sealed family end here.
        BudgetLineRevised e = (BudgetLineRevised) event;
        return change(BUDGET_LINE.key(planId, e.lineId()), e.revisionBeslut(), fields("budgetVersion",
                e.budgetVersion(), "amounts", e.amounts(), "printed", e.printed()));
    }

    private static EntityKind continuityEntity(PlanItemKind kind) {
        return switch (kind) {
            case GOAL -> GOAL;
            case STYRTAL -> STYRTAL;
            case UPPDRAG -> UPPDRAG;
        };
    }

    private static AuditedChange followUp(Object event) {
        if (event instanceof UtfallRecorded e) {
            return change(utfallKey(e.namndCode(), e.indikatorId(), e.figure()), null, fields("figure", e.figure(),
                    "breakdowns", e.breakdowns(), "source", e.source(), "comment", e.comment()));
        }
        if (event instanceof UtfallCorrected e) {
            String key = utfallKey(e.namndCode(), e.indikatorId(), e.figure());
            return new AuditedChange(UTFALL, key, null, fields("figure", e.figure(), "breakdowns", e.breakdowns()),
                    e.reason());
        }
        if (event instanceof OccasionOpened e) {
            return change(OCCASION.key(e.occasionId()), null, fields("namndCode", e.namndCode(), "year", e.year(),
                    "planId", e.planId(), "kind", e.kind(), "period", e.period(), STATUS, "UTKAST"));
        }
        if (event instanceof OccasionAdopted e) {
            return change(OCCASION.key(e.occasionId()), e.beslut(), fields(STATUS, "FASTSTALLD"));
        }
        if (event instanceof ResultatrapportRecorded e) {
            return change(OCCASION.key(e.occasionId()), e.revisionBeslut(), fields("resultatrapport",
                    fields("title", e.title(), "budgetVersion", e.budgetVersion(), "lines", e.lines())));
        }
        if (event instanceof OccasionFigureTableRecorded e) {
            return change(FIGURE_TABLE.key(e.occasionId(), e.tableId()), e.revisionBeslut(), fields("table",
                    e.table()));
        }
        if (event instanceof ItemAssessed e) {
            return change(ASSESSMENT.key(e.occasionId(), e.itemId()), e.revisionBeslut(), fields("colour",
                    e.colour(), "notAssessedReason", e.notAssessedReason(), "trend", e.trend(), "comment",
                    e.comment(), "reconstructed", e.reconstructed()));
        }
        if (event instanceof IndikatorAssessed e) {
            return change(ASSESSMENT.key(e.occasionId(), e.styrtalId()), e.revisionBeslut(), fields(STATUS,
                    e.status(), "utfall", e.utfall(), "comment", e.comment()));
        }
        return null;
    }

    private static AuditedChange internalControl(Object event) {
        if (event instanceof IkPlanCreated e) {
            return change(IK_PLAN.key(e.ikPlanId()), null, fields("namndCode", e.namndCode(), "year", e.year(),
                    STATUS, "UTKAST"));
        }
        if (event instanceof IkPlanAdopted e) {
            return change(IK_PLAN.key(e.ikPlanId()), e.beslut(), fields(STATUS, "FASTSTALLD"));
        }
        if (event instanceof IkRiskAdded e) {
            return change(IK_RISK.key(e.ikPlanId(), e.riskId()), e.revisionBeslut(), fields("content", e.content()));
        }
        if (event instanceof IkRiskRevised e) {
            return change(IK_RISK.key(e.ikPlanId(), e.riskId()), e.revisionBeslut(), fields("content", e.content()));
        }
        if (event instanceof IkAtgardAdded e) {
            return change(atgardKey(e.ikPlanId(), e.atgardId(), false), e.revisionBeslut(), fields("riskId",
                    e.riskId(), "regionRisk", e.regionRisk(), "content", e.content()));
        }
        if (event instanceof IkAtgardRevised e) {
            return change(atgardKey(e.ikPlanId(), e.atgardId(), false), e.revisionBeslut(), fields("content",
                    e.content()));
        }
        if (event instanceof IkAtgardStatusChanged e) {
            return change(atgardKey(e.ikPlanId(), e.atgardId(), e.regionovergripande()), e.revisionBeslut(),
                    fields(STATUS, e.to(), "statusDatum", e.datum(), "statusReportedIn", e.reportedIn(),
                            "statusComment", e.comment()));
        }
        if (event instanceof IkAtgardEffectEvaluated e) {
            return change(atgardKey(e.ikPlanId(), e.atgardId(), e.regionovergripande()), e.revisionBeslut(),
                    fields("effekt", e.svar(), "effektOccasionId", e.occasionId(), "effektComment", e.comment()));
        }
        if (event instanceof IskBedomningRecorded e) {
            return change(ISK_BEDOMNING.key(e.iskId()), e.revisionBeslut(), fields("namndCode", e.namndCode(),
                    "year", e.year(), "tillracklig", e.tillracklig(), "motivation", e.motivation(), "krav", e.krav()));
        }
        if (event instanceof IskBedomningAdopted e) {
            return change(ISK_BEDOMNING.key(e.iskId()), e.beslut(), fields(STATUS, "FASTSTALLD"));
        }
        return null;
    }

    private static AuditedChange catalogue(Object event) {
        if (event instanceof NamndRegistered e) {
            return change(NAMND.key(e.code()), null, fields("name", e.name(), "forvaltning", e.forvaltning()));
        }
        if (event instanceof IndikatorRegistered e) {
            return change(INDIKATOR.key(e.indikatorId()), null, fields("name", e.name(), "unit", e.unit(),
                    "description", e.description()));
        }
        if (event instanceof NamndScopeSet e) {
            return change(BEHORIGHET.key(e.subject()), null, fields("name", e.name(), "namnder", e.namnder()));
        }
        if (event instanceof RfUppdragIssued e) {
            return change(RF_UPPDRAG.key(e.rfUppdragId()), null, fields("year", e.year(), "nr", e.nr(), "text",
                    e.text(), "givenTo", e.givenTo(), "continuesFrom", e.continuesFrom()));
        }
        if (event instanceof SourceDocumentRegistered e) {
            return change(SOURCE_DOCUMENT.key(e.documentId()), null, fields("title", e.title(), "namndCode",
                    e.namndCode(), "year", e.year(), "kind", e.kind(), "diarienummer", e.diarienummer(),
                    "notGivenInSource", e.notGivenInSource()));
        }
        return null;
    }

    private static AuditedChange change(String entityKey, Beslut beslut, Map<String, Object> fields) {
        return new AuditedChange(EntityKind.ofKey(entityKey), entityKey, beslut, fields, null);
    }

    private static String utfallKey(String namndCode, String indikatorId, PeriodValue figure) {
        String key = UTFALL.key(namndCode, indikatorId, periodKey(figure.period()));
        return figure.basis() == PeriodValue.Basis.PROGNOS ? key + ":prognos" : key;
    }

    /** A period as a key part: sortable, without spaces. */
    static String periodKey(Period period) {
        return switch (period.kind()) {
            case YEAR -> String.valueOf(period.year());
            // concatenated: a key is made for every figure event, and String.format parses its pattern each time
            case MONTH -> period.year() + (period.month() < 10 ? "-0" : "-") + period.month();
            case TERTIAL -> period.year() + "-T" + period.tertial();
            case DELAR -> period.asOf().toString();
            case SPAN -> period.year() + "-" + period.toYear();
        };
    }

    private static String atgardKey(String ikPlanId, String atgardId, boolean regionovergripande) {
        return regionovergripande ? IK_ATGARD.key(ikPlanId, "region", atgardId) : IK_ATGARD.key(ikPlanId, atgardId);
    }

    /** Name–value pairs in order; a value may be null (a revision may clear a field). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
