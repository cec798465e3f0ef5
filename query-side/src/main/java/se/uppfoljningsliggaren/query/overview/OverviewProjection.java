package se.uppfoljningsliggaren.query.overview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.catalogue.NamndRegistered;
import se.uppfoljningsliggaren.kernel.catalogue.RfUppdragIssued;
import se.uppfoljningsliggaren.kernel.followup.ItemAssessed;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.followup.OccasionOpened;
import se.uppfoljningsliggaren.kernel.followup.ResultatrapportRecorded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardAdded;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardEffectEvaluated;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardRevised;
import se.uppfoljningsliggaren.kernel.ik.IkAtgardStatusChanged;
import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanCreated;
import se.uppfoljningsliggaren.kernel.ik.IkRiskAdded;
import se.uppfoljningsliggaren.kernel.ik.IkRiskRevised;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningRecorded;
import se.uppfoljningsliggaren.kernel.plan.PlanCreated;
import se.uppfoljningsliggaren.kernel.plan.PlanEvent;
import se.uppfoljningsliggaren.kernel.query.PlanViews.PlanView;
import se.uppfoljningsliggaren.kernel.query.PlanViews.RfUppdragView;
import se.uppfoljningsliggaren.query.ProjectionBatch;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;
import se.uppfoljningsliggaren.query.followup.FollowUpReports;
import se.uppfoljningsliggaren.query.followup.OccasionDocument;
import se.uppfoljningsliggaren.query.ik.IkOverviews;
import se.uppfoljningsliggaren.query.ik.IkPlanDocument;
import se.uppfoljningsliggaren.query.ik.IskDocument;
import se.uppfoljningsliggaren.query.plan.PlanDocument;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Projects the two overviews' rows. A row depends on several aggregates (the plan, the occasion, the nämnd's and the
 * region's IK-plan, the ISK-bedömning), so it is computed from this processor's own copy of their documents, applied
 * with the same document functions as their projections, never from other processors' tables (which lag
 * independently, so a row computed from them could be stale for good). One segment applies the events in store
 * order, so every row version is the row as it stood after that event. A change writes a new version only of the
 * rows whose content it changes.
 */
@Component
@ProcessingGroup(OverviewProjection.PROCESSING_GROUP)
class OverviewProjection {

    static final String PROCESSING_GROUP = "overview-views";

    private static final String PLAN = "PLAN";
    private static final String OCCASION = "OCCASION";
    private static final String IK_PLAN = "IK_PLAN";
    private static final String ISK = "ISK";
    private static final String RF_UPPDRAG = "RF_UPPDRAG";

    private final JdbcTemplate jdbc;
    private final BigDecimal gulTolerancePercent;

    OverviewProjection(JdbcTemplate jdbc,
                       @Value("${ledger.followup.gul-tolerance-percent:10}") BigDecimal gulTolerancePercent) {
        this.jdbc = jdbc;
        this.gulTolerancePercent = gulTolerancePercent;
    }

    /** A document of this processor's copy, with the nämnd and year it belongs to. */
    private record Stored<T>(T document, String namnd, Integer year) {
    }

    @EventHandler
    void on(NamndRegistered event, DomainEventMessage<?> message) {
        jdbc.update("INSERT INTO overview_namnd (code, name, global_index, event_time) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", event.code(), event.name(), StorePosition.of(jdbc, message),
                Timestamp.from(message.getTimestamp()));
        batch().names.remove(event.code());
    }

    /** The texts of received RF uppdrag label the summary table's RF rows. */
    @EventHandler
    void on(RfUppdragIssued event) {
        save(event.rfUppdragId(), RF_UPPDRAG, null, event.year(), new RfUppdragView(event.rfUppdragId(),
                event.year(), event.nr(), event.text(), event.givenTo(), event.continuesFrom()));
    }

    @EventHandler
    void on(PlanEvent event, DomainEventMessage<?> message) {
        Stored<PlanDocument> plan = event instanceof PlanCreated created
                ? new Stored<>(PlanDocument.create(created), created.namndCode(), created.year())
                : load(event.planId(), PlanDocument.class).orElseThrow();
        plan.document().apply(event, message.getSequenceNumber(), LedgerMetadata.principal(message.getMetaData()),
                message.getTimestamp());
        save(event.planId(), PLAN, plan.namnd(), plan.year(), plan.document());
        batch().flushDocuments();
        jdbc.queryForList("""
                SELECT aggregate_id FROM overview_document WHERE kind = ? AND year = ? AND namnd_code = ?
                    AND document ->> 'planId' = ?""", String.class, OCCASION, plan.year(), plan.namnd(),
                event.planId()).forEach(occasionId -> occasionRow(load(occasionId, OccasionDocument.class)
                .orElseThrow(), message));
    }

    @EventHandler
    void on(OccasionOpened event, DomainEventMessage<?> message) {
        occasionRow(new Stored<>(OccasionDocument.open(event), event.namndCode(), event.year()), message);
    }

    @EventHandler
    void on(ItemAssessed event, DomainEventMessage<?> message) {
        occasionChanged(event.occasionId(), event, message);
    }

    @EventHandler
    void on(ResultatrapportRecorded event, DomainEventMessage<?> message) {
        occasionChanged(event.occasionId(), event, message);
    }

    @EventHandler
    void on(OccasionAdopted event, DomainEventMessage<?> message) {
        occasionChanged(event.occasionId(), event, message);
    }

    @EventHandler
    void on(IkPlanCreated event, DomainEventMessage<?> message) {
        ikPlanChanged(new Stored<>(IkPlanDocument.create(event, message), event.namndCode(), event.year()),
                event.ikPlanId(), message);
    }

    @EventHandler
    void on(IkRiskAdded event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkRiskRevised event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardAdded event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardRevised event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkPlanAdopted event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardStatusChanged event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IkAtgardEffectEvaluated event, DomainEventMessage<?> message) {
        ikPlanChanged(event.ikPlanId(), event, message);
    }

    @EventHandler
    void on(IskBedomningRecorded event, DomainEventMessage<?> message) {
        IskDocument isk = load(event.iskId(), IskDocument.class).map(Stored::document).orElseGet(IskDocument::new);
        iskChanged(event.iskId(), new Stored<>(isk, event.namndCode(), event.year()), event, message);
    }

    @EventHandler
    void on(IskBedomningAdopted event, DomainEventMessage<?> message) {
        iskChanged(event.iskId(), load(event.iskId(), IskDocument.class).orElseThrow(), event, message);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM overview_row");
        jdbc.update("DELETE FROM overview_namnd");
        jdbc.update("DELETE FROM overview_document");
    }

    private void occasionChanged(String occasionId, Object event, DomainEventMessage<?> message) {
        Stored<OccasionDocument> occasion = load(occasionId, OccasionDocument.class).orElseThrow();
        occasion.document().apply(event);
        occasionRow(occasion, message);
    }

    /** Saves the occasion and writes its row: the follow-up report of the occasion and its plan as they stand. */
    private void occasionRow(Stored<OccasionDocument> occasion, DomainEventMessage<?> message) {
        OccasionDocument document = occasion.document();
        save(document.occasionId(), OCCASION, occasion.namnd(), occasion.year(), document);
        PlanView plan = load(document.planId(), PlanDocument.class).map(p -> planView(p.document())).orElse(null);
        FollowUpReports.OverviewEntry entry = FollowUpReports.overviewEntry(document, plan, gulTolerancePercent);
        write(OverviewRows.FOLLOWUP, occasion.year(), document.occasionId(), occasion.namnd(), entry.kind().name(),
                entry, message);
    }

    /** The report reads only the plan's tree, whose RF uppdrag show the catalogue's texts (indikator names unused). */
    private PlanView planView(PlanDocument plan) {
        List<String> rfIds = plan.rfUppdragIds();
        Map<String, RfUppdragView> rf = rfIds.stream().distinct().map(id -> document(id, RfUppdragView.class))
                .filter(Objects::nonNull)
                .collect(Collectors.toMap(RfUppdragView::rfUppdragId, view -> view));
        return plan.view(0, null, null, rf, Map.of());
    }

    private void ikPlanChanged(String ikPlanId, Object event, DomainEventMessage<?> message) {
        Stored<IkPlanDocument> plan = load(ikPlanId, IkPlanDocument.class).orElseThrow();
        plan.document().apply(event, message);
        ikPlanChanged(plan, ikPlanId, message);
    }

    /** A nämnd's plan changes its own row; the region's rows change the row of every nämnd with a plan that year. */
    private void ikPlanChanged(Stored<IkPlanDocument> plan, String ikPlanId, DomainEventMessage<?> message) {
        save(ikPlanId, IK_PLAN, plan.namnd(), plan.year(), plan.document());
        if (plan.namnd() == null) {
            batch().flushDocuments();
        }
        List<String> namnder = plan.namnd() != null ? List.of(plan.namnd()) : jdbc.queryForList("""
                SELECT namnd_code FROM overview_document WHERE kind = ? AND year = ? AND namnd_code IS NOT NULL
                ORDER BY namnd_code""", String.class, IK_PLAN, plan.year());
        namnder.forEach(namnd -> ikRow(namnd, plan.year(), message));
    }

    private void iskChanged(String iskId, Stored<IskDocument> isk, Object event, DomainEventMessage<?> message) {
        isk.document().apply(event, message);
        save(iskId, ISK, isk.namnd(), isk.year(), isk.document());
        if (isk.namnd() == null) {
            write(OverviewRows.SAMLAD, isk.year(), "", null, null, IkOverviews.samlad(isk.year(), isk.document()),
                    message);
        } else {
            ikRow(isk.namnd(), isk.year(), message);
        }
    }

    private void ikRow(String namnd, int year, DomainEventMessage<?> message) {
        String name = batch().names.computeIfAbsent(namnd, code -> jdbc.queryForList(
                "SELECT name FROM overview_namnd WHERE code = ?", String.class, code).stream().findFirst())
                .orElse(null);
        write(OverviewRows.IK, year, namnd, namnd, null, IkOverviews.row(namnd, name, year,
                document(IkCommands.ikPlanId(namnd, year), IkPlanDocument.class),
                document(IkCommands.ikPlanId(null, year), IkPlanDocument.class),
                document(IkCommands.iskId(namnd, year), IskDocument.class)), message);
    }

    /**
     * A new version of a row, unless its content is unchanged: the current version then ends where the new one
     * begins (the event's store position and time).
     */
    private void write(String view, int year, String key, String namnd, String kind, Object row,
                       DomainEventMessage<?> message) {
        String json = ReadModelJson.write(row);
        Batch batch = batch();
        String rowKey = view + '\u0000' + year + '\u0000' + key;
        Optional<String> current = batch.rows.computeIfAbsent(rowKey, k -> jdbc.queryForList("""
                SELECT row::text FROM overview_row WHERE row_view = ? AND year = ? AND row_key = ? AND valid_to IS NULL""",
                String.class, view, year, key).stream().findFirst());
        if (current.isPresent() && sameJson(current.get(), json)) {
            return;
        }
        long position = StorePosition.of(jdbc, message);
        Timestamp at = Timestamp.from(message.getTimestamp());
        Object[] previous = batch.latest.get(rowKey);
        if (previous != null) {
            previous[6] = position;
            previous[8] = at;
        } else if (current.isPresent()) {
            batch.ended.add(new Object[]{position, at, view, year, key});
        }
        Object[] version = {view, year, key, namnd, kind, position, null, at, null, json};
        batch.latest.put(rowKey, version);
        batch.inserted.add(version);
        batch.rows.put(rowKey, Optional.of(json));
    }

    /** Equal as jsonb compares (numbers by value), as the table's {@code row = ?::jsonb} did. */
    private static boolean sameJson(String a, String b) {
        return a.equals(b) || ReadModelJson.tree(a).equals((x, y) -> x.equals(y) || x.isNumber() && y.isNumber()
                && x.decimalValue().compareTo(y.decimalValue()) == 0 ? 0 : 1, ReadModelJson.tree(b));
    }

    private <T> T document(String id, Class<T> type) {
        return load(id, type).map(Stored::document).orElse(null);
    }

    /**
     * The document as the batch holds it: read and parsed once per batch, then the same object for every event of
     * the batch (a handler applies an event to it and saves it; a failing handler discards the whole batch).
     */
    private <T> Optional<Stored<T>> load(String id, Class<T> type) {
        Optional<Cached> cached = batch().documents.computeIfAbsent(id, key -> jdbc.query(
                        "SELECT document::text, namnd_code, year FROM overview_document WHERE aggregate_id = ?",
                        (rs, i) -> new Cached(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)), id)
                .stream().findFirst());
        return cached.map(c -> {
            if (!type.isInstance(c.document)) {
                c.document = ReadModelJson.read(c.json, type);
            }
            return new Stored<>(type.cast(c.document), c.namnd, c.year);
        });
    }

    /** Keeps the document for the batch's flush; an existing document keeps the nämnd and year it was stored with. */
    private void save(String id, String kind, String namnd, Integer year, Object document) {
        Batch batch = batch();
        Cached cached = batch.documents.getOrDefault(id, Optional.empty()).orElseGet(() -> new Cached(null, namnd, year));
        cached.document = document;
        batch.documents.put(id, Optional.of(cached));
        batch.dirty.put(id, new Object[]{id, kind, namnd, year});
    }

    /** A document of the batch: as stored (its JSON) and, once read, as an object. */
    private static final class Cached {
        private final String json;
        private final String namnd;
        private final Integer year;
        private Object document;

        Cached(String json, String namnd, Integer year) {
            this.json = json;
            this.namnd = namnd;
            this.year = year;
        }
    }

    private Batch batch() {
        return ProjectionBatch.part(Batch.class, () -> new Batch(jdbc));
    }

    /**
     * This processor's documents and rows in one batch: each document and each row's current version read once, the
     * changed documents and new versions written at the flush. A query over the documents of a year first writes
     * the changed ones.
     */
    private static final class Batch implements ProjectionBatch.Part {

        private final JdbcTemplate jdbc;
        private final Map<String, Optional<Cached>> documents = new HashMap<>();
        private final Map<String, Object[]> dirty = new LinkedHashMap<>();
        private final Map<String, Optional<String>> names = new HashMap<>();
        private final Map<String, Optional<String>> rows = new HashMap<>();
        private final Map<String, Object[]> latest = new HashMap<>();
        private final List<Object[]> ended = new ArrayList<>();
        private final List<Object[]> inserted = new ArrayList<>();

        Batch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void flushDocuments() {
            ProjectionBatch.batchUpdate(jdbc, """
                    INSERT INTO overview_document (aggregate_id, kind, namnd_code, year, document)
                    VALUES (?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (aggregate_id) DO UPDATE SET document = EXCLUDED.document""",
                    dirty.values().stream().map(row -> new Object[]{row[0], row[1], row[2], row[3],
                            ReadModelJson.write(documents.get((String) row[0]).orElseThrow().document)}).toList());
            dirty.clear();
        }

        @Override
        public void flush() {
            flushDocuments();
            // the current versions end before the new ones begin: one current version per row
            ProjectionBatch.batchUpdate(jdbc, """
                    UPDATE overview_row SET valid_to = ?, to_time = ?
                    WHERE row_view = ? AND year = ? AND row_key = ? AND valid_to IS NULL""", ended);
            ProjectionBatch.batchUpdate(jdbc, """
                    INSERT INTO overview_row (row_view, year, row_key, namnd_code, kind, valid_from, valid_to,
                        from_time, to_time, row)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", inserted);
            ended.clear();
            inserted.clear();
            latest.clear();
        }
    }
}
