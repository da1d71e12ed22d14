package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * Who is calling and under which request: resolved from the request headers by {@link CallerArgumentResolver}.
 * Until authentication exists, the principal and organisation are the documented headers
 * {@value CallerArgumentResolver#PRINCIPAL_HEADER} and {@value CallerArgumentResolver#ORGANISATION_HEADER}.
 */
public record Caller(Actor actor, String correlationId, String clientRequestId) {

    /** Wraps a command with the metadata every command carries into the event store. */
    public <C> CommandMessage<C> command(C command) {
        return GenericCommandMessage.<C>asCommandMessage(command)
                .andMetaData(RegistryMetaData.of(actor, correlationId, clientRequestId));
    }
}
