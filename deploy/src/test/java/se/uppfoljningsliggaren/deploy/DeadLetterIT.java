package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poison event parks its aggregate in the plan-views dead-letter queue (dead_letter_entry) while every other plan
 * goes on; readiness names the processor, the aggregate and the error; once the fault is fixed, a retry through the
 * admin API applies the parked events in order and readiness is UP again.
 */
class DeadLetterIT extends LedgerIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void a_poison_event_is_parked_seen_in_readiness_and_applied_by_a_retry_after_the_fix() throws Exception {
        givenPlan("DLA", 2026);
        givenPlan("DLB", 2026);
        awaitGet("/api/plans/DLA-2026", plan -> true);
        // The fault: the plan view refuses any document holding POISON (a server-side error, like a NUL in jsonb).
        jdbc.execute("""
                CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.document::text LIKE '%POISON%' THEN
                        RAISE EXCEPTION 'plan document refused: %', NEW.plan_id;
                    END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER plan_view_refuse_poison BEFORE INSERT OR UPDATE ON plan_view "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        try {
            // Stored straight through Axon, past the HTTP boundary and the aggregate's rules.
            long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry "
                    + "WHERE aggregate_identifier = 'DLA-2026'", Long.class);
            eventStore.publish(new GenericDomainEventMessage<>("Plan", "DLA-2026", next,
                    new GoalAdded("DLA-2026", "p1", null, GoalKind.MALSATTNING, GoalOrigin.RF, "1", "POISON goal",
                            null, null), MetaData.with(LedgerMetadata.PRINCIPAL, PRINCIPAL)));
            ok(post("/api/plans/DLA-2026/goals", """
                    {"goalId": "m2", "kind": "MALSATTNING", "origin": "RF", "numbering": "2", "title": "Behind"}"""));
            ok(post("/api/plans/DLB-2026/goals", """
                    {"goalId": "m1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "Goes on"}"""));

            awaitGet("/api/plans/DLB-2026", plan -> plan.at("/goals/0/title").asText().equals("Goes on"));
            awaitParked(2);
            assertThat(get("/api/plans/DLA-2026").get("goals")).isEmpty();

            ResponseEntity<JsonNode> health = awaitHealth("/actuator/health", HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(health.getBody().get("status").asText()).isEqualTo("DEGRADED");
            JsonNode projections = health.getBody().at("/components/projections");
            assertThat(projections.at("/details/problems/0").asText())
                    .contains("plan-views", "DLA-2026", "plan document refused");
            assertThat(projections.at("/details/processors/plan-views/parked/0/aggregate").asText())
                    .isEqualTo("DLA-2026");
            assertThat(projections.at("/details/processors/followup-views/deadLetters").asLong()).isZero();
            ResponseEntity<JsonNode> readiness = awaitHealth("/actuator/health/readiness",
                    HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(readiness.getBody().get("status").asText()).isEqualTo("DEGRADED");
            assertThat(http.getForEntity("/actuator/health/liveness", JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(deadLetterGauge()).isEqualTo(2.0);

            List<JsonNode> letters = list(ok(send(HttpMethod.GET, "/api/admin/dead-letters", null, Map.of()))
                    .getBody()).stream().filter(l -> l.get("sequenceIdentifier").asText().equals("DLA-2026"))
                    .toList();
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).get("processor").asText()).isEqualTo("plan-views");
            assertThat(letters.get(0).get("eventType").asText()).isEqualTo(GoalAdded.class.getName());
            assertThat(letters.get(0).get("causeType").asText()).isEqualTo("org.postgresql.util.PSQLException");
            assertThat(letters.get(0).get("causeMessage").asText()).contains("plan document refused: DLA-2026");
            assertThat(letters.get(0).get("globalPosition").asLong()).isPositive();
            assertThat(letters.get(1).get("globalPosition").asLong())
                    .isGreaterThan(letters.get(0).get("globalPosition").asLong());

            // A retry before the fix fails again and keeps both, in order.
            JsonNode stillBroken = ok(post("/api/admin/dead-letters/retry?processor=plan-views", "")).getBody();
            assertThat(stillBroken.at("/processed/plan-views").asLong()).isZero();
            assertThat(stillBroken.at("/stillFailing/plan-views").asLong()).isEqualTo(2);
        } finally {
            jdbc.execute("DROP TRIGGER plan_view_refuse_poison ON plan_view");
            jdbc.execute("DROP FUNCTION refuse_poison()");
        }

        JsonNode retried = ok(post("/api/admin/dead-letters/retry", "")).getBody();
        assertThat(retried.at("/processed/plan-views").asLong()).isEqualTo(2);
        assertThat(retried.at("/stillFailing/plan-views").asLong()).isZero();
        JsonNode plan = get("/api/plans/DLA-2026");
        assertThat(plan.get("goals").findValuesAsText("title")).containsExactly("POISON goal", "Behind");
        awaitHealth("/actuator/health/readiness", HttpStatus.OK);
        assertThat(deadLetterGauge()).isZero();
        assertThat(post("/api/admin/dead-letters/retry?processor=no-such-views", "").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * A statement the handler itself runs is refused while its batch collects (no savepoint there): the batch is
     * applied again one by one, so the event is parked alone and the events after it, in the same batch, go on.
     */
    @Test
    void a_statement_refused_inside_a_handler_parks_that_event_alone() throws Exception {
        try (AutoCloseable refusing = refusingNamnd("POISON")) {
            ok(post("/api/namnder", "{\"code\": \"DLP\", \"name\": \"POISON nämnd\"}"));
            ok(post("/api/namnder", "{\"code\": \"DLQ\", \"name\": \"Goes on\"}"));
            awaitNamnd("DLQ");
            assertThat(jdbc.queryForList("SELECT sequence_identifier FROM dead_letter_entry "
                    + "WHERE processing_group = 'overview-views'", String.class)).containsExactly("DLP");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM overview_namnd WHERE code IN ('DLP', 'DLQ')",
                    Long.class)).isEqualTo(1);
        }
        JsonNode retried = ok(post("/api/admin/dead-letters/retry?processor=overview-views", "")).getBody();
        assertThat(retried.at("/processed/overview-views").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM overview_namnd WHERE code IN ('DLP', 'DLQ')",
                Long.class)).isEqualTo(2);
    }

    /**
     * A rebuild whose shared replay meets an event a projection now refuses: that processor's lane stops at the
     * failing batch, the processor applies it one by one and parks the event alone; the rebuild finishes with every
     * other row, and a retry after the fix applies the parked one.
     */
    @Test
    void a_rebuild_that_meets_a_refused_event_parks_it_alone_and_rebuilds_the_rest() throws Exception {
        ok(post("/api/namnder", "{\"code\": \"DLR\", \"name\": \"REPLAYPOISON nämnd\"}"));
        ok(post("/api/namnder", "{\"code\": \"DLS\", \"name\": \"Rebuilt\"}"));
        awaitNamnd("DLS");
        long namnder = jdbc.queryForObject("SELECT count(*) FROM overview_namnd", Long.class);
        try (AutoCloseable refusing = refusingNamnd("REPLAYPOISON")) {
            ok(post("/api/admin/read-model/rebuild", ""));
            assertThat(jdbc.queryForList("SELECT sequence_identifier FROM dead_letter_entry "
                    + "WHERE processing_group = 'overview-views'", String.class)).containsExactly("DLR");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM overview_namnd", Long.class))
                    .isEqualTo(namnder - 1);
        }
        JsonNode retried = ok(post("/api/admin/dead-letters/retry?processor=overview-views", "")).getBody();
        assertThat(retried.at("/processed/overview-views").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM overview_namnd", Long.class)).isEqualTo(namnder);
    }

    /** Makes overview_namnd refuse (a server-side error) any nämnd whose name holds the marker, until closed. */
    private AutoCloseable refusingNamnd(String marker) {
        String function = "refuse_" + marker.toLowerCase();
        jdbc.execute("""
                CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.name LIKE '%%%s%%' THEN
                        RAISE EXCEPTION 'nämnd refused: %%', NEW.code;
                    END IF;
                    RETURN NEW;
                END $$""".formatted(function, marker));
        jdbc.execute("CREATE TRIGGER " + function + " BEFORE INSERT ON overview_namnd FOR EACH ROW EXECUTE FUNCTION "
                + function + "()");
        return () -> {
            jdbc.execute("DROP TRIGGER " + function + " ON overview_namnd");
            jdbc.execute("DROP FUNCTION " + function + "()");
        };
    }

    private void awaitNamnd(String code) throws InterruptedException {
        for (int i = 0; i < 200 && jdbc.queryForObject("SELECT count(*) FROM overview_namnd WHERE code = ?",
                Long.class, code) == 0; i++) {
            Thread.sleep(100);
        }
    }

    private void awaitParked(long expected) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'plan-views' "
                    + "AND sequence_identifier = 'DLA-2026'", Long.class) == expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never parked " + expected + " events");
    }

    ResponseEntity<JsonNode> awaitHealth(String path, HttpStatus expected) throws InterruptedException {
        ResponseEntity<JsonNode> response = null;
        for (int i = 0; i < 200; i++) {
            response = http.getForEntity(path, JsonNode.class);
            if (response.getStatusCode() == expected) {
                return response;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never answered " + expected + "; last " + response.getBody());
    }

    private double deadLetterGauge() {
        return get("/actuator/metrics/ledger.projection.dead.letters?tag=processor:plan-views")
                .at("/measurements/0/value").asDouble();
    }

    private static List<JsonNode> list(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).toList();
    }
}
