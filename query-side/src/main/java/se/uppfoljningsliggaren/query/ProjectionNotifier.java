package se.uppfoljningsliggaren.query;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Tells readers that a projection has written something, so a read that must include a given version waits for
 * the projection's commit instead of polling. Every processor's batch, once committed and its token recorded, wakes
 * the waiting readers; each re-checks its own condition against the read tables. The wait is always bounded.
 */
@Component
public class ProjectionNotifier {

    private static final String REGISTERED = ProjectionNotifier.class.getName();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();

    /**
     * Waits until the condition holds or the time is up; true if it holds. The condition is checked once at once,
     * then after each projection commit.
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration max) throws InterruptedException {
        return awaitUntil(condition, max, max);
    }

    /**
     * As above, and re-checked at least every {@code recheck}: for progress no commit announces (a segment that
     * advances over events it does not handle commits nothing).
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration max, Duration recheck) throws InterruptedException {
        long remaining = max.toNanos();
        while (!condition.getAsBoolean()) {
            if (remaining <= 0) {
                return false;
            }
            long waited = Math.min(remaining, recheck.toNanos());
            lock.lock();
            try {
                remaining -= waited - written.awaitNanos(waited);
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    void projectionCommitted() {
        lock.lock();
        try {
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * One interceptor per processor and batch: it wakes readers in the unit of work's clean-up, which runs after
     * the commit and after the processor has recorded its new position (after-commit callbacks run in reverse order,
     * so one registered here would run before the processor's own).
     */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            if (unitOfWork.resources().putIfAbsent(REGISTERED, Boolean.TRUE) == null) {
                unitOfWork.onCleanup(u -> projectionCommitted());
            }
            return chain.proceed();
        };
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        ConfigurerModule projectionNotification(ProjectionNotifier notifier) {
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerDefaultHandlerInterceptor((config, processorName) -> notifier.interceptor()));
        }
    }
}
