package se.uppfoljningsliggaren.query.projection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/**
 * What happens to an event a projection cannot apply: it is parked in the processing group's dead-letter queue
 * (enabled per group in application.yml) and never dropped, since a dropped event is a read table that is wrong
 * for good. Axon retries a parked event only when asked (see {@link DeadLetters}); the policy counts the failed
 * attempts so automatic retries can stop after a few.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterPolicyConfiguration {

    static final String ATTEMPTS = "attempts";

    @Bean
    ConfigurerModule deadLetterPolicy() {
        return configurer -> configurer.eventProcessing().registerDefaultDeadLetterPolicy(config -> policy());
    }

    /**
     * Keeps every letter; its cause is the innermost exception (PostgreSQL's own message rather than Spring's
     * wrapper with the whole SQL text), cut to fit the cause_message column.
     */
    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> Decisions.requeue(
                ThrowableCause.truncated(NestedExceptionUtils.getMostSpecificCause(cause)),
                failed -> failed.diagnostics().and(ATTEMPTS, attempts(failed) + 1));
    }

    static int attempts(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return attempts instanceof Number number ? number.intValue() : 0;
    }
}
