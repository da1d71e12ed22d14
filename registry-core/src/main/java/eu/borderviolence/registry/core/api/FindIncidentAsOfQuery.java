package eu.borderviolence.registry.core.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One incident as the registry knew it at {@code asOf}: rebuilt from the incident's events stored up to that moment,
 * not from a view. Empty if the incident had no event yet at that moment.
 */
public record FindIncidentAsOfQuery(IncidentId incidentId, Instant asOf) {

    public FindIncidentAsOfQuery {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(asOf, "the moment is required");
    }
}
