package se.uppfoljningsliggaren.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The write side: aggregates, command handlers and the write API. Off in a query-only process. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.command-side.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class CommandSideConfiguration {
}
