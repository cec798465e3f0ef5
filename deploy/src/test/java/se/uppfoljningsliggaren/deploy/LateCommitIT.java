package se.uppfoljningsliggaren.deploy;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * An event committed after a later one (a slow transaction: the usual case with concurrent writers) is projected
 * under its own store position, not the tracking token's (which is then at the later event's): the audit trail
 * keeps both events, and a plan's view names the position of its own last event.
 */
class LateCommitIT extends LedgerIntegrationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_late_commit_keeps_its_own_position_in_every_view() throws Exception {
        givenPlan("LCA", 2026);
        givenPlan("LCB", 2026);
        awaitGet("/api/plans/LCA-2026", plan -> true);
        awaitGet("/api/plans/LCB-2026", plan -> true);

        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    eventStore.publish(new GenericDomainEventMessage<>("Plan", "LCA-2026", 1,
                            new GoalAdded("LCA-2026", "a1", null, GoalKind.MALSATTNING, GoalOrigin.RF, "1", "Sen",
                                    null, null), MetaData.with(LedgerMetadata.PRINCIPAL, PRINCIPAL)));
                    appended.countDown();
                    try {
                        commit.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        long later = ok(post("/api/plans/LCB-2026/goals", """
                {"goalId": "b1", "kind": "MALSATTNING", "origin": "RF", "numbering": "1", "title": "Tidig"}"""))
                .getBody().get("position").asLong();
        awaitGet("/api/audit/entities/goal:LCB-2026:b1", trail -> trail.get("entries").size() == 1);
        commit.countDown();
        slow.get(10, TimeUnit.SECONDS);

        long own = jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'LCA-2026' AND sequence_number = 1", Long.class);
        assertThat(own).as("the slow event's index lies below the later one's").isLessThan(later);
        awaitGet("/api/audit/entities/goal:LCA-2026:a1", trail -> trail.get("entries").size() == 1);
        assertThat(jdbc.queryForObject("SELECT global_index FROM audit_entry WHERE aggregate_identifier = 'LCA-2026' "
                + "AND sequence_number = 1", Long.class)).isEqualTo(own);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_entry WHERE global_index IN (?, ?)", Long.class,
                own, later)).isEqualTo(2);
        awaitGet("/api/plans/LCA-2026", plan -> plan.get("goals").size() == 1);
        assertThat(jdbc.queryForObject("SELECT last_global_index FROM plan_view WHERE plan_id = 'LCA-2026'",
                Long.class)).isEqualTo(own);
    }
}
