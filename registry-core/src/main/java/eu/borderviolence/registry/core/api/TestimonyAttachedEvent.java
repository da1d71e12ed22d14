package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * A testimony was recorded about this incident. The testimony's own content, personal data included, is in the
 * testimony's {@link TestimonyRecordedEvent}; here only the link.
 */
@Revision("1")
public record TestimonyAttachedEvent(IncidentId incidentId, TestimonyId testimonyId, Actor recordedBy) {
}
