package se.uppfoljningsliggaren.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljningsliggaren.kernel.LedgerMetadata;
import se.uppfoljningsliggaren.kernel.plan.GoalAdded;
import se.uppfoljningsliggaren.kernel.value.GoalKind;
import se.uppfoljningsliggaren.kernel.value.GoalOrigin;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon issue #4829 on purpose: an event of a transaction held open while the gap below a newer event times out is
 * never projected by tracking. The reconciliation finds it, readiness says so, and the repair replays it.
 */
@TestPropertySource(properties = "ledger.event-store.gap-timeout-ms=1000")
class ReconciliationIT extends LedgerIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_event_skipped_by_the_gap_timeout_is_reported_missing_and_repaired_by_a_replay() throws Exception {
        givenPlan("GPA", 2026);
        givenPlan("GPB", 2026);
        awaitGet("/api/plans/GPA-2026", plan -> true);
        awaitGet("/api/plans/GPB-2026", plan -> true);

        // A: appended inside a transaction that stays open (the JDBC insert joins the Spring transaction).
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    eventStore.publish(goal("GPA-2026", 1, "a1", "Late goal", Instant.now()));
                    appended.countDown();
                    await(commit);
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(storedEvents("GPA-2026")).as("A is not committed yet").isEqualTo(1);

        // B through the API, committed above A's index: A's index is a gap in the tokens.
        ok(post("/api/plans/GPB-2026/goals", """
                {"goalId": "b1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "B"}"""));
        awaitGet("/api/plans/GPB-2026", plan -> plan.get("goals").findValuesAsText("title").contains("B"));
        // C from a writer whose clock is behind: reading an event older than the gap timeout gives the gap up.
        eventStore.publish(goal("GPB-2026", 2, "b2", "C", Instant.now().minusSeconds(5)));
        awaitGet("/api/plans/GPB-2026", plan -> plan.get("goals").findValuesAsText("title").contains("C"));
        assertThat(post("/api/admin/reconciliation", "").getBody().get("missing")).isEmpty();

        commit.countDown();
        slow.get(10, TimeUnit.SECONDS);
        assertThat(storedEvents("GPA-2026")).isEqualTo(2);
        ok(post("/api/plans/GPB-2026/goals", """
                {"goalId": "b3", "kind": "MALSATTNING", "origin": "RF", "numbering": "3", "title": "D"}"""));
        awaitGet("/api/plans/GPB-2026", plan -> plan.get("goals").findValuesAsText("title").contains("D"));
        assertThat(get("/api/plans/GPA-2026").get("goals")).as("tracking never delivers A").isEmpty();

        JsonNode report = awaitMissing(3);
        // Every processor handling A misses it: the plan views, the overviews and the audit trail.
        assertThat(report.get("missing").findValuesAsText("processor"))
                .containsExactlyInAnyOrder("audit-trail", "overview-views", "plan-views");
        for (JsonNode missing : report.get("missing")) {
            assertThat(missing.get("aggregateIdentifier").asText()).isEqualTo("GPA-2026");
            assertThat(missing.get("storedEvents").asLong()).isEqualTo(2);
            assertThat(missing.get("appliedEvents").asLong()).isEqualTo(1);
        }
        ResponseEntity<JsonNode> readiness = awaitHealth(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(readiness.getBody().get("status").asText()).isEqualTo("DEGRADED");
        assertThat(http.getForEntity("/actuator/health", JsonNode.class).getBody()
                .at("/components/projections/details/processors/plan-views/missing/0/aggregate").asText())
                .isEqualTo("GPA-2026");
        assertThat(missingGauge()).isEqualTo(1.0);

        JsonNode repaired = ok(post("/api/admin/reconciliation?repair=true", "")).getBody();
        assertThat(json.convertValue(repaired.get("repaired"), String[].class))
                .containsExactly("audit-trail", "overview-views", "plan-views");
        assertThat(repaired.get("missing")).isEmpty();
        assertThat(get("/api/plans/GPA-2026").get("goals").findValuesAsText("title")).containsExactly("Late goal");
        awaitHealth(HttpStatus.OK);
        assertThat(missingGauge()).isZero();
    }

    /** The check compares up to the stored tokens, which an idle segment writes only every few seconds. */
    private JsonNode awaitMissing(int processors) throws InterruptedException {
        JsonNode report = null;
        for (int i = 0; i < 150; i++) {
            report = ok(post("/api/admin/reconciliation", "")).getBody();
            if (report.get("missing").size() == processors) {
                return report;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reconciliation never found A missing; last " + report);
    }

    private static GenericDomainEventMessage<GoalAdded> goal(String planId, long sequence, String goalId,
                                                             String title, Instant timestamp) {
        return new GenericDomainEventMessage<>("Plan", planId, sequence,
                new GoalAdded(planId, goalId, null, GoalKind.MALSATTNING, GoalOrigin.RF, "1", title, null, null),
                MetaData.with(LedgerMetadata.PRINCIPAL, PRINCIPAL), java.util.UUID.randomUUID().toString(), timestamp);
    }

    private long storedEvents(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregate);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ResponseEntity<JsonNode> awaitHealth(HttpStatus expected) throws InterruptedException {
        ResponseEntity<JsonNode> response = null;
        for (int i = 0; i < 200; i++) {
            response = http.getForEntity("/actuator/health/readiness", JsonNode.class);
            if (response.getStatusCode() == expected) {
                return response;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("readiness never answered " + expected + "; last " + response.getBody());
    }

    private double missingGauge() {
        return get("/actuator/metrics/ledger.projection.missing.events?tag=processor:plan-views")
                .at("/measurements/0/value").asDouble();
    }
}
