package se.uppfoljningsliggaren.query.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.replay.ResetContext;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs every projection event handler (a member of a {@link ProcessingGroup} class) inside a savepoint, and records
 * in the same transaction that the processor applied the event ({@link ProjectionProgress}). A statement PostgreSQL
 * refuses aborts the whole transaction, so without the savepoint the dead-letter queue could not record the failure
 * in the same transaction, nor could the rest of the batch commit. A token reset (its @ResetHandlers) forgets the
 * processor's progress, in the reset's transaction.
 */
@Component
class ProjectionHandlerEnhancer implements HandlerEnhancerDefinition {

    private final PlatformTransactionManager transactions;
    private final ProjectionProgress progress;
    private final DefaultTransactionDefinition savepoint =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

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
                    return result;
                }
            };
        }
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        progress.register(group.value(), original.payloadType());
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                TransactionStatus status = transactions.getTransaction(savepoint);
                try {
                    Object result = super.handle(message, target);
                    if (message instanceof DomainEventMessage<?> event) {
                        progress.applied(group.value(), event);
                    }
                    transactions.commit(status);
                    return result;
                } catch (Exception | Error e) {
                    transactions.rollback(status);
                    throw e;
                }
            }
        };
    }
}
