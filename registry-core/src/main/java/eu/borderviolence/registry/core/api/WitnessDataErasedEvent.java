package eu.borderviolence.registry.core.api;

import org.axonframework.serialization.Revision;

/**
 * The personal data of testimony {@code testimonyId}'s witness was erased by {@code erasedBy}, for {@code reason}
 * (consent withdrawn): its data key was destroyed in the same transaction, so the sealed data in the testimony's
 * {@link TestimonyRecordedEvent}, and in every copy of it, can no longer be read. The testimony's link to its
 * incident, and the incident's facts, remain.
 */
@Revision("1")
public record WitnessDataErasedEvent(TestimonyId testimonyId, String reason, Actor erasedBy) {
}
