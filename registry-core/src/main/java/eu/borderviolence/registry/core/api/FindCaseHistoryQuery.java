package eu.borderviolence.registry.core.api;

import java.util.Objects;

/**
 * The case history of an incident as a {@link CaseHistory}: its own events and those of every duplicate merged into
 * it, in the order they were stored; empty if the registry has no such incident.
 */
public record FindCaseHistoryQuery(IncidentId incidentId) {

    public FindCaseHistoryQuery {
        Objects.requireNonNull(incidentId, "incident id is required");
    }
}
