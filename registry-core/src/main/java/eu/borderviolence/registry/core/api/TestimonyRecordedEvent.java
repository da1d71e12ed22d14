package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * A witness's testimony about incident {@code incidentId} was recorded by {@code recordedBy}. The only event that
 * carries personal data: it is all in {@code witness}, the {@link WitnessAccount} sealed with the witness's own data
 * key. {@code reportedFacts} is the incident as this witness told it, which may differ from the incident's current
 * facts.
 *
 * <p>Revision 2. Revision 1 held the {@link WitnessAccount} in plain JSON; it is upcast to revision 2 with the
 * plain data marked {@link SealedPersonalData#NONE} (see {@code TestimonyRecordedEventUpcaster}).
 */
@Revision("2")
public record TestimonyRecordedEvent(TestimonyId testimonyId, IncidentId incidentId,
                                     TestimonyCircumstances circumstances, IncidentFacts reportedFacts,
                                     @PersonalData SealedPersonalData witness, Actor recordedBy) {
}
