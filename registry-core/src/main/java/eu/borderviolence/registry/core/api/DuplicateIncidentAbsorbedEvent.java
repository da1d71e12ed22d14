package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The duplicate incident {@code duplicateId} was merged into this one, which took over its {@code testimonies}.
 */
@Revision("1")
public record DuplicateIncidentAbsorbedEvent(IncidentId incidentId, IncidentId duplicateId,
                                             List<TestimonyId> testimonies, String reason, Actor mergedBy) {
}
