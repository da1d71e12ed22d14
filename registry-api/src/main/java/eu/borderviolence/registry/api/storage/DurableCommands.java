package eu.borderviolence.registry.api.storage;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Acknowledges a command only once what it stored is on disk: after its transaction commits, {@link Durability}
 * flushes, and a command whose flush fails is answered as failed (what it stored stays stored: a retry under the
 * same idempotency key derives the same ids and cannot store it twice). Registered on the command bus, so every
 * command, whichever controller sent it, is covered.
 */
public class DurableCommands implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final Durability durability;

    public DurableCommands(Durability durability) {
        this.durability = durability;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        // On the command's Spring transaction, which the bus began before its interceptors: Spring runs it after
        // the commit and lets its failure fail the commit, so the command is answered as failed. (Axon's own
        // after-commit handlers are too late for that: it logs what fails there and answers the command as stored.)
        durability.afterCommit();
        return interceptorChain.proceed();
    }
}
