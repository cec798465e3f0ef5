package se.uppfoljningsliggaren.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The read side: projections, query handlers and the read API. Off in a command-only process. Scheduled: the
 * automatic retry of parked events and the reconciliation of the projections with the event store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableScheduling
public class QuerySideConfiguration {
}
