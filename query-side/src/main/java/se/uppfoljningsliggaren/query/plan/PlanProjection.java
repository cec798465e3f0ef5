package se.uppfoljningsliggaren.query.plan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.plan.PlanCreated;
import se.uppfoljningsliggaren.kernel.plan.PlanEvent;
import se.uppfoljningsliggaren.kernel.plan.StyrtalAdded;
import se.uppfoljningsliggaren.kernel.plan.StyrtalRevised;
import se.uppfoljningsliggaren.query.DocumentHistory;
import se.uppfoljningsliggaren.query.Histories;
import se.uppfoljningsliggaren.query.ProjectionBatch;
import se.uppfoljningsliggaren.query.ReadModelJson;
import se.uppfoljningsliggaren.query.StorePosition;
import se.uppfoljningsliggaren.query.audit.ItemProvenance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the plan views: the current document of each plan, every earlier state of it (for views as they stood at a
 * past instant), and which plans use which indikator. Rebuilt from scratch by replaying the events.
 */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
class PlanProjection {

    static final String PROCESSING_GROUP = "plan-views";
    private static final DocumentHistory HISTORY = Histories.PLAN;

    private final JdbcTemplate jdbc;

    PlanProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlanEvent event, DomainEventMessage<?> message) {
        PlanDocument document = event instanceof PlanCreated created ? PlanDocument.create(created) : load(event.planId());
        Instant at = message.getTimestamp();
        long version = message.getSequenceNumber();
        document.apply(event, version, LedgerMetadata.principal(message.getMetaData()), at);
        ItemProvenance.record(document.provenance, message);
        long globalIndex = StorePosition.of(jdbc, message);
        if (event instanceof StyrtalAdded || event instanceof StyrtalRevised) {
            String styrtalId = event instanceof StyrtalAdded added ? added.styrtalId() : ((StyrtalRevised) event).styrtalId();
            ProjectionBatch.part(StyrtalUsages.class, () -> new StyrtalUsages(jdbc)).changed(document, styrtalId,
                    globalIndex, Timestamp.from(at));
        }
        String json = ReadModelJson.write(document);
        HISTORY.record(jdbc, document.planId, message, globalIndex, document, json, ReadModelJson.write(new PlanHead(
                document.namndCode, document.year, document.title, document.status, document.adoptedBy)), """
                INSERT INTO plan_view (plan_id, namnd_code, year, title, status, version, last_global_index,
                                       last_changed_at, document)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (plan_id) DO UPDATE SET title = EXCLUDED.title, status = EXCLUDED.status,
                    version = EXCLUDED.version, last_global_index = EXCLUDED.last_global_index,
                    last_changed_at = EXCLUDED.last_changed_at, document = EXCLUDED.document""",
                document.planId, document.namndCode, document.year, document.title, document.status.name(), version,
                globalIndex, Timestamp.from(at), json);
    }

    /**
     * The batch's styrtal usages: each styrtal's current row (written once, as it last stood), and a version per
     * change, which ends the one before it; the indikator series as of an instant shows the styrtal as it stood then.
     */
    private static final class StyrtalUsages implements ProjectionBatch.Part {

        private final JdbcTemplate jdbc;
        private final Map<String, Object[]> current = new LinkedHashMap<>();
        private final Map<String, Object[]> latestVersion = new HashMap<>();
        private final List<Object[]> versions = new ArrayList<>();
        private final List<Object[]> ended = new ArrayList<>();

        StyrtalUsages(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void changed(PlanDocument document, String styrtalId, long globalIndex, Timestamp at) {
            PlanDocument.Styrtal styrtal = document.styrtal.get(styrtalId);
            String content = ReadModelJson.write(styrtal.content());
            String key = document.planId + '\u0000' + styrtalId;
            current.put(key, new Object[]{document.planId, styrtalId, styrtal.indikatorId(), document.namndCode,
                    document.year, styrtal.goalId(), content});
            Object[] before = latestVersion.get(key);
            if (before != null) {
                before[6] = at;
            } else {
                ended.add(new Object[]{at, document.planId, styrtalId, globalIndex});
            }
            Object[] version = {document.planId, styrtalId, globalIndex, styrtal.indikatorId(), document.namndCode,
                    at, null, content};
            latestVersion.put(key, version);
            versions.add(version);
        }

        @Override
        public void flush() {
            ProjectionBatch.batchUpdate(jdbc, """
                    INSERT INTO styrtal_usage (plan_id, styrtal_id, indikator_id, namnd_code, year, goal_id, content)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (plan_id, styrtal_id) DO UPDATE SET content = EXCLUDED.content""",
                    new ArrayList<>(current.values()));
            ProjectionBatch.batchUpdate(jdbc, "UPDATE styrtal_usage_version SET valid_to = ? WHERE plan_id = ? "
                    + "AND styrtal_id = ? AND valid_to IS NULL AND global_index < ?", ended);
            ProjectionBatch.batchUpdate(jdbc, """
                    INSERT INTO styrtal_usage_version (plan_id, styrtal_id, global_index, indikator_id, namnd_code,
                        valid_from, valid_to, content)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""", versions);
            current.clear();
            latestVersion.clear();
            versions.clear();
            ended.clear();
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM styrtal_usage_version");
        jdbc.update("DELETE FROM styrtal_usage");
        HISTORY.reset(jdbc);
        jdbc.update("DELETE FROM plan_view");
    }

    /** What the plan list shows of a plan, kept in every history row so the list as of an instant reads no document. */
    record PlanHead(String namndCode, int year, String title, se.uppfoljningsliggaren.kernel.value.PlanStatus status,
                    se.uppfoljningsliggaren.kernel.value.Beslut adoptedBy) {
    }

    private PlanDocument load(String planId) {
        return Objects.requireNonNull(HISTORY.current(jdbc, planId, PlanDocument.class), planId);
    }
}
