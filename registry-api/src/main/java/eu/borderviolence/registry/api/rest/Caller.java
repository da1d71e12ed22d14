package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.security.Role;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * Who is calling, in which role, and under which request: the authenticated user, resolved by
 * {@link CallerArgumentResolver}.
 */
public record Caller(Actor actor, Role role, String correlationId, String clientRequestId) {

    /** Wraps a command with the metadata every command carries into the event store. */
    public <C> CommandMessage<C> command(C command) {
        return GenericCommandMessage.<C>asCommandMessage(command)
                .andMetaData(RegistryMetaData.of(actor, role.name(), correlationId, clientRequestId));
    }
}
