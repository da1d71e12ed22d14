package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * The facts of an incident were corrected. {@code facts} is the complete corrected set (the previous set stays in the
 * earlier events), {@code correctedFields} names the facts that changed, {@code reason} says why.
 */
@Revision("1")
public record IncidentFactsCorrectedEvent(IncidentId incidentId, IncidentFacts facts, List<String> correctedFields,
                                          String reason, Actor correctedBy) {
}
