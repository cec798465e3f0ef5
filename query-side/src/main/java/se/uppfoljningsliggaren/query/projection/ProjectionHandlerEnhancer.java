package se.uppfoljningsliggaren.query.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import se.uppfoljningsliggaren.query.ProjectionBatch;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wraps every projection event handler (a member of a {@link ProcessingGroup} class) and records in the same
 * transaction that the processor applied the event ({@link ProjectionProgress}). A token reset (its @ResetHandlers)
 * forgets the processor's progress, in the reset's transaction.
 *
 * <p>The projections write through a {@link ProjectionBatch}, once per batch. When a handler fails or those writes
 * are refused at the batch's commit, the batch is rolled back and its events come again: up to the highest position
 * of the failed batch each is then applied inside a savepoint and written at once. A statement PostgreSQL refuses
 * aborts the whole transaction, so without the savepoint the dead-letter queue could not record the failure in the
 * same transaction, nor could the rest of the batch commit: so the failing event is parked alone and the rest go
 * on. Events applied in a batch need no savepoint (two statements fewer per event and handler).
 */
@Component
class ProjectionHandlerEnhancer implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;
    private final ProjectionProgress progress;
    private final DefaultTransactionDefinition savepoint =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    /** By processor: up to which tracking position events are written one by one (after a refused batch). */
    private final Map<String, Long> applyOneByOne = new ConcurrentHashMap<>();

    ProjectionHandlerEnhancer(PlatformTransactionManager transactions, ProjectionProgress progress) {
        this.transactions = transactions;
        this.progress = progress;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null) {
            return original;
        }
        if (original.canHandleMessageType(ResetContext.class)) {
            return new WrappedMessageHandlingMember<>(original) {
                @Override
                public Object handle(Message<?> message, T target) throws Exception {
                    Object result = super.handle(message, target);
                    progress.clear(group.value());
                    // a batch refused before the reset says nothing about the events replayed after it
                    applyOneByOne.remove(group.value());
                    return result;
                }
            };
        }
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        progress.register(group.value(), original.payloadType());
        String processor = group.value();
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                ProjectionBatch batch = ProjectionBatch.current(position -> applyOneByOne.merge(processor, position,
                        Math::max));
                OptionalLong position = message instanceof TrackedEventMessage<?> tracked
                        && tracked.trackingToken() != null ? tracked.trackingToken().position() : OptionalLong.empty();
                // an event outside a batch of the processor's stream (a dead letter retried) is written at once
                boolean oneByOne = position.isEmpty()
                        || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?>)
                        || position.getAsLong() <= applyOneByOne.getOrDefault(processor, -1L);
                position.ifPresent(batch::saw);
                return oneByOne ? handleAtOnce(message, target, batch) : handleInBatch(message, target, batch);
            }

            /**
             * In a batch no savepoint is needed: a handler that fails, or a statement PostgreSQL refuses, sends the
             * whole batch back to be applied one by one.
             */
            private Object handleInBatch(Message<?> message, T target, ProjectionBatch batch) throws Exception {
                try {
                    Object result = super.handle(message, target);
                    if (message instanceof DomainEventMessage<?> event) {
                        progress.applied(processor, event);
                    }
                    return result;
                } catch (Exception | Error e) {
                    batch.handlerFailed();
                    throw e;
                }
            }

            private Object handleAtOnce(Message<?> message, T target, ProjectionBatch batch) throws Exception {
                TransactionStatus status = transactions.getTransaction(savepoint);
                try {
                    Object result = super.handle(message, target);
                    if (message instanceof DomainEventMessage<?> event) {
                        progress.applied(processor, event);
                    }
                    batch.flush();
                    transactions.commit(status);
                    return result;
                } catch (Exception | Error e) {
                    transactions.rollback(status);
                    batch.discard();
                    throw e;
                }
            }
        };
    }
}
