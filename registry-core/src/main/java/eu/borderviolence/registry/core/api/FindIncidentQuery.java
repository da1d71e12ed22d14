package eu.borderviolence.registry.core.api;

import java.util.Objects;

/** The current state of one incident, as an {@link IncidentView}; empty if the registry has no such incident. */
public record FindIncidentQuery(IncidentId incidentId) {

    public FindIncidentQuery {
        Objects.requireNonNull(incidentId, "incident id is required");
    }
}
