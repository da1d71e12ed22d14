package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * Evidence corroborated an incident. {@code confidence} is the confidence status from then on (unchanged if the
 * corroboration did not change it); {@code reference} points to the evidence, such as a report number.
 */
@Revision("1")
public record IncidentCorroboratedEvent(IncidentId incidentId, CorroborationSource source, String reference,
                                        ConfidenceStatus confidence, Actor corroboratedBy) {
}
