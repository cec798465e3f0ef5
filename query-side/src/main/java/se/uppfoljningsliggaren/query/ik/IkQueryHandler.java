package se.uppfoljningsliggaren.query.ik;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.followup.Assessment.OccasionKind;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.FollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.GetFollowUpReport;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.ResultatLineView;
import se.uppfoljningsliggaren.kernel.followup.FollowUpViews.ResultatrapportView;
import se.uppfoljningsliggaren.kernel.followup.OccasionCommands;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardContent;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkValues.RiskContent;
import se.uppfoljningsliggaren.kernel.ik.IkViews.*;
import se.uppfoljningsliggaren.kernel.value.Period;
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ReadModelJson;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Answers the internal-control queries. A nämnd's IK-plan is read together with the regionövergripande rows of its
 * year: their content from regionstyrelsen's document, the status and effect from the nämnd's own reports.
 */
@Component
class IkQueryHandler {

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;

    IkQueryHandler(JdbcTemplate jdbc, QueryGateway queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    /** A risk as the nämnd's plan shows it, with its åtgärder (the region's and the nämnd's own). */
    record Row(String riskId, boolean regionovergripande, RiskContent content, List<Item> atgarder) {
    }

    record Item(String atgardId, boolean regionovergripande, AtgardContent content) {
    }

    record Merged(IkPlanDocument plan, IkPlanDocument region, List<Row> rows) {

        Stream<Item> items() {
            return rows.stream().flatMap(r -> r.atgarder().stream());
        }

        AtgardStatus statusPer(Item item, LocalDate day) {
            return plan.statusPer(item.atgardId(), item.regionovergripande(), day);
        }
    }

    @QueryHandler
    List<IkPlanSummary> handle(ListIkPlans query) {
        return jdbc.query("""
                SELECT document, status FROM ik_plan_view
                WHERE (CAST(? AS INTEGER) IS NULL OR year = ?) AND (CAST(? AS VARCHAR) IS NULL OR namnd_code = ?)
                ORDER BY year DESC, namnd_code NULLS FIRST""", (rs, i) -> {
            IkPlanDocument d = ReadModelJson.read(rs.getString(1), IkPlanDocument.class);
            return new IkPlanSummary(d.ikPlanId, d.namndCode, d.year, rs.getString(2), d.adoptedBy, d.version,
                    d.risks.size(), d.atgarder.size());
        }, query.year(), query.year(), query.namnd(), query.namnd());
    }

    @QueryHandler
    Optional<IkPlanView> handle(GetIkPlan query) {
        return merged(query.ikPlanId(), query.asOf()).map(m -> {
            boolean reportable = m.plan().namndCode != null;
            List<RiskView> risks = m.rows().stream().map(row -> new RiskView(row.riskId(), row.regionovergripande(),
                    row.content().verksamhet(), row.content().text(), row.content().krav(),
                    row.content().riskvardering(), row.content().riskvardering() == null ? null
                    : row.content().riskvardering().riskvarde(),
                    row.atgarder().stream().map(item -> atgardView(m, item, reportable)).toList())).toList();
            return new IkPlanView(m.plan().ikPlanId, m.plan().namndCode, m.plan().year, status(m.plan()),
                    m.plan().adoptedBy, m.plan().version, m.region() == null ? null : m.region().ikPlanId,
                    m.region() == null ? null : m.region().version,
                    reportable ? StatusCounts.of(m.items().map(i -> m.statusPer(i, null)).toList()) : null, risks,
                    provenance(m));
        });
    }

    @QueryHandler
    List<AtgardHistoryEntry> handle(GetAtgardHistory query) {
        Optional<Merged> merged = merged(query.ikPlanId());
        if (merged.isEmpty()) {
            return List.of();
        }
        IkPlanDocument plan = merged.get().plan();
        // a regionövergripande åtgärd seen from a nämnd is defined in the region's document; in the region's own
        // document it is the plan's own
        IkPlanDocument definedIn = query.regionovergripande() && plan.namndCode != null ? merged.get().region() : plan;
        List<AtgardHistoryEntry> history = new ArrayList<>();
        if (definedIn != null) {
            definedIn.atgard(query.atgardId()).ifPresent(atgard -> history.addAll(atgard.history));
        }
        IkPlanDocument.Reported reported = plan.reported(query.atgardId(), query.regionovergripande());
        if (reported != null) {
            history.addAll(reported.history);
        }
        history.sort(Comparator.comparing(AtgardHistoryEntry::recordedAt));
        return history;
    }

    @QueryHandler
    Optional<IkFollowUp> handle(GetIkFollowUp query) {
        List<Map<String, Object>> occasion = query.asOf() == null ? jdbc.queryForList("""
                SELECT namnd_code, year, kind, document->>'period' AS period FROM followup_view
                WHERE occasion_id = ?""", query.occasionId())
                : Histories.OCCASION.asOf(jdbc, query.occasionId(), query.asOf()).map(then -> Map.<String, Object>of(
                        "namnd_code", then.document().get("namndCode").asText(),
                        "year", then.document().get("year").asInt(), "kind", then.document().get("kind").asText(),
                        "period", then.document().get("period").toString())).stream().toList();
        if (occasion.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> o = occasion.get(0);
        String namnd = (String) o.get("namnd_code");
        int year = (Integer) o.get("year");
        Period period = ReadModelJson.read((String) o.get("period"), Period.class);
        return merged(IkCommands.ikPlanId(namnd, year), query.asOf()).map(m -> followUp(m, query.occasionId(),
                OccasionKind.valueOf((String) o.get("kind")), period.endDate()));
    }

    @QueryHandler
    Optional<IskView> handle(GetIsk query) {
        String iskId = IkCommands.iskId(query.namnd(), query.year());
        Optional<IskDocument> isk = query.asOf() == null
                ? jdbc.queryForList("SELECT document FROM isk_view WHERE isk_id = ?", String.class, iskId).stream()
                .findFirst().map(json -> ReadModelJson.read(json, IskDocument.class))
                : Histories.ISK.asOf(jdbc, iskId, query.asOf()).map(then -> ReadModelJson.read(then.document(),
                IskDocument.class));
        Bedomning current = isk.map(IskDocument::current).orElse(null);
        List<Bedomning> earlier = isk.map(d -> List.copyOf(d.bedomningar.subList(0, d.bedomningar.size() - 1)))
                .orElse(List.of());
        String status = isk.map(IskProjection::status).orElse("EJ_GJORD");
        if (query.namnd() == null) {
            return Optional.of(new IskView(iskId, null, query.year(), status, isk.map(d -> d.adoptedBy).orElse(null),
                    current, earlier, null, namndIsk(query.year(), query.asOf()),
                    isk.map(d -> d.provenance).orElse(new java.util.TreeMap<>())));
        }
        Optional<IskUnderlag> underlag = underlag(query.namnd(), query.year(), query.asOf());
        if (isk.isEmpty() && underlag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IskView(iskId, query.namnd(), query.year(), status,
                isk.map(d -> d.adoptedBy).orElse(null), current, earlier, underlag.orElse(null), null,
                isk.map(d -> d.provenance).orElse(new java.util.TreeMap<>())));
    }

    private Optional<IskUnderlag> underlag(String namnd, int year, Instant asOf) {
        String occasionId = OccasionCommands.occasionId(namnd, OccasionKind.VERKSAMHETSBERATTELSE, Period.ofYear(year));
        Optional<FollowUpReport> report = queries.query(new GetFollowUpReport(occasionId, asOf),
                ResponseTypes.optionalInstanceOf(FollowUpReport.class)).join();
        Optional<IkFollowUp> ikFollowUp = report.isPresent() ? handle(new GetIkFollowUp(occasionId, asOf))
                : merged(IkCommands.ikPlanId(namnd, year), asOf).map(m -> followUp(m, null, null,
                LocalDate.of(year, 12, 31)));
        if (report.isEmpty() && ikFollowUp.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResultatrapportView> resultatrapport = report.map(FollowUpReport::resultatrapport);
        ResultatLineView total = resultatrapport.flatMap(ResultatrapportView::totalLine).orElse(null);
        return Optional.of(new IskUnderlag(report.isPresent() ? occasionId : null,
                report.map(FollowUpReport::summary).orElse(List.of()),
                total == null ? null : total.budgetavvikelse(),
                total == null || total.printed() == null ? null : total.printed().get("budgetavvikelse"),
                total == null ? null : total.label(),
                resultatrapport.map(ResultatrapportView::budgetVersion).orElse(null), ikFollowUp.orElse(null),
                report.isPresent() ? "/api/followups/" + occasionId : null));
    }

    /** @param asOf null for each nämnd's current ISK-bedömning, else as it stood then (from the history's head) */
    private List<NamndIsk> namndIsk(int year, Instant asOf) {
        String isk = asOf == null ? """
                SELECT n.code, n.name, i.isk_id, i.tillracklig, i.status FROM namnd_view n
                LEFT JOIN isk_view i ON i.namnd_code = n.code AND i.year = ? ORDER BY n.code"""
                : """
                SELECT n.code, n.name, i.isk_id, (i.head ->> 'tillracklig')::boolean, i.head ->> 'status'
                FROM namnd_view n LEFT JOIN LATERAL (SELECT v.isk_id, h.head FROM isk_view v
                    JOIN LATERAL (SELECT x.head FROM isk_view_history x WHERE x.isk_id = v.isk_id
                                  AND x.event_time <= ? ORDER BY x.version DESC LIMIT 1) h ON true
                    WHERE v.namnd_code = n.code AND v.year = ?) i ON true ORDER BY n.code""";
        Object[] args = asOf == null ? new Object[]{year} : new Object[]{Timestamp.from(asOf), year};
        return jdbc.query(isk, (rs, i) -> new NamndIsk(rs.getString(1), rs.getString(2), rs.getString(3) != null,
                rs.getString(3) == null ? null : rs.getBoolean(4), "FASTSTALLD".equals(rs.getString(5)),
                "/api/isk-bedomningar/" + rs.getString(1) + "/" + year), args);
    }

    private IkFollowUp followUp(Merged m, String occasionId, OccasionKind kind, LocalDate statusPer) {
        List<IkFollowUpRisk> risks = m.rows().stream().map(row -> new IkFollowUpRisk(row.content().verksamhet(),
                row.riskId(), row.regionovergripande(), row.content().text(), row.atgarder().stream().map(item -> {
            IkPlanDocument.Reported reported = m.plan().reported(item.atgardId(), item.regionovergripande());
            AtgardHistoryEntry step = reported == null ? null : reported.statusPer(statusPer);
            IkAtgardEffectEvaluated effect = reported == null || occasionId == null ? null
                    : reported.effect(occasionId).orElse(null);
            return new IkFollowUpAtgard(item.atgardId(), item.regionovergripande(), item.content().text(),
                    step == null ? AtgardStatus.PLANERAD : step.to(), step == null ? null : step.comment(),
                    effect == null ? null : effect.svar(), effect == null ? null : effect.comment());
        }).toList())).toList();
        return new IkFollowUp(occasionId, m.plan().namndCode, m.plan().year, kind, statusPer, m.plan().ikPlanId,
                StatusCounts.of(risks.stream().flatMap(r -> r.atgarder().stream()).map(IkFollowUpAtgard::status)
                        .toList()), risks);
    }

    private AtgardView atgardView(Merged m, Item item, boolean reportable) {
        AtgardContent content = item.content();
        IkPlanDocument.Reported reported = m.plan().reported(item.atgardId(), item.regionovergripande());
        AtgardHistoryEntry step = reported == null ? null : reported.statusPer(null);
        List<EffectView> effects = reported == null ? List.of() : reported.effects.stream()
                .map(e -> new EffectView(e.occasionId(), e.svar(), e.comment(), e.revisionBeslut())).toList();
        return new AtgardView(item.atgardId(), item.regionovergripande(), content.text(), content.utforare(),
                content.rapporteras(), content.tidplan(),
                !reportable ? null : step == null ? AtgardStatus.PLANERAD : step.to(),
                step == null ? null : step.datum(), step == null || step.datum() != null ? null : step.occasionId(),
                step == null ? null : step.comment(), effects,
                "/api/ik-plans/" + m.plan().ikPlanId + "/atgarder/" + item.atgardId() + "/history"
                        + (item.regionovergripande() ? "?regionovergripande=true" : ""));
    }

    /** Where the plan's items come from, and the regionövergripande rows it shows from the region's plan. */
    private static java.util.SortedMap<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance(Merged m) {
        java.util.TreeMap<String, se.uppfoljningsliggaren.kernel.source.Provenance> provenance =
                new java.util.TreeMap<>(m.plan().provenance);
        if (m.region() != null) {
            provenance.putAll(m.region().provenance);
        }
        return provenance;
    }

    private Optional<Merged> merged(String ikPlanId) {
        return merged(ikPlanId, null);
    }

    private Optional<Merged> merged(String ikPlanId, Instant asOf) {
        return document(ikPlanId, asOf).map(plan -> merge(plan, plan.namndCode == null ? null
                : document(IkCommands.ikPlanId(null, plan.year), asOf).orElse(null)));
    }

    /** The regionövergripande risks first (with the region's åtgärder and the nämnd's own under them), then the plan's. */
    static Merged merge(IkPlanDocument plan, IkPlanDocument region) {
        List<Row> rows = new ArrayList<>();
        if (region != null) {
            region.risks.forEach(risk -> rows.add(new Row(risk.riskId, true, risk.content,
                    Stream.concat(atgarderUnder(region, risk.riskId, false, true),
                            atgarderUnder(plan, risk.riskId, true, false)).toList())));
        }
        boolean definesRegion = plan.namndCode == null;
        plan.risks.forEach(risk -> rows.add(new Row(risk.riskId, definesRegion, risk.content,
                atgarderUnder(plan, risk.riskId, false, definesRegion).toList())));
        return new Merged(plan, region, rows);
    }

    /** @param regionRisk whether the åtgärder sought hang under a regionövergripande risk from another document */
    private static Stream<Item> atgarderUnder(IkPlanDocument document, String riskId, boolean regionRisk,
                                              boolean regionovergripande) {
        return document.atgarder.stream()
                .filter(a -> a.riskId.equals(riskId) && a.regionRisk == regionRisk)
                .map(a -> new Item(a.atgardId, regionovergripande, a.content));
    }

    private Optional<IkPlanDocument> document(String ikPlanId) {
        return document(ikPlanId, null);
    }

    /** @param asOf null for the current document, else the last one recorded at or before that instant */
    private Optional<IkPlanDocument> document(String ikPlanId, Instant asOf) {
        if (asOf != null) {
            return Histories.IK_PLAN.asOf(jdbc, ikPlanId, asOf)
                    .map(then -> ReadModelJson.read(then.document(), IkPlanDocument.class));
        }
        return jdbc.queryForList("SELECT document FROM ik_plan_view WHERE ik_plan_id = ?", String.class, ikPlanId)
                .stream().findFirst().map(json -> ReadModelJson.read(json, IkPlanDocument.class));
    }

    private static String status(IkPlanDocument document) {
        return document.adoptedBy == null ? "UTKAST" : "FASTSTALLD";
    }
}
