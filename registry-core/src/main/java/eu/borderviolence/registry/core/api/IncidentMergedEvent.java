package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * This incident turned out to be the same as {@code survivorId} and was merged into it. From now on it only points
 * to the survivor; its history stays readable. The survivor records the other half as
 * {@link DuplicateIncidentAbsorbedEvent}.
 */
@Revision("1")
public record IncidentMergedEvent(IncidentId incidentId, IncidentId survivorId, String reason, Actor mergedBy) {
}
