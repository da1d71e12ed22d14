package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * A witness's testimony about incident {@code incidentId} was recorded by {@code recordedBy}. The only event that
 * carries personal data: it is all in {@code witness}. {@code reportedFacts} is the incident as this witness told it,
 * which may differ from the incident's current facts.
 */
@Revision("1")
public record TestimonyRecordedEvent(TestimonyId testimonyId, IncidentId incidentId,
                                     TestimonyCircumstances circumstances, IncidentFacts reportedFacts,
                                     @PersonalData WitnessAccount witness, Actor recordedBy) {
}
