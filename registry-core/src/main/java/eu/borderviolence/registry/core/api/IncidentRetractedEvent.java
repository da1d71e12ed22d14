package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/** The incident was retracted with the given reason. It stays in history and is left out of figures by default. */
@Revision("1")
public record IncidentRetractedEvent(IncidentId incidentId, String reason, Actor retractedBy) {
}
