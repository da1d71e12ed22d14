package eu.borderviolence.registry.core.api;

import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata every command and event carries: who caused it (principal, organisation, role), the correlation id that
 * ties together everything one request caused, and the client's own request id. The API puts them on each command;
 * Axon copies them onto every event the command causes.
 */
public final class RegistryMetaData {

    public static final String PRINCIPAL = "principal";
    public static final String ORGANISATION = "organisation";
    public static final String ROLE = "role";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";

    /** The keys copied from a command onto the events it causes. */
    public static final String[] KEYS = {PRINCIPAL, ORGANISATION, ROLE, CORRELATION_ID, CLIENT_REQUEST_ID};

    private RegistryMetaData() {
    }

    public static MetaData of(Actor actor, String correlationId, String clientRequestId) {
        return of(actor, null, correlationId, clientRequestId);
    }

    /** The metadata of a command by {@code actor} acting in {@code role} (the role is left out when null). */
    public static MetaData of(Actor actor, String role, String correlationId, String clientRequestId) {
        Objects.requireNonNull(actor, "actor is required");
        Map<String, Object> values = new HashMap<>();
        values.put(PRINCIPAL, actor.principal());
        values.put(ORGANISATION, actor.organisation());
        if (role != null) {
            values.put(ROLE, role);
        }
        values.put(CORRELATION_ID, Objects.requireNonNull(correlationId, "correlation id is required"));
        if (clientRequestId != null) {
            values.put(CLIENT_REQUEST_ID, clientRequestId);
        }
        return MetaData.from(values);
    }
}
