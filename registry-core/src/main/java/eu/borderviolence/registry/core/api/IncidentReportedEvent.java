package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * An incident was reported for the first time, with the facts known at that moment. The first event of every
 * incident. Carries facts only, never a witness's identity.
 */
@Revision("1")
public record IncidentReportedEvent(IncidentId incidentId, IncidentFacts facts, Actor reportedBy) {
}
