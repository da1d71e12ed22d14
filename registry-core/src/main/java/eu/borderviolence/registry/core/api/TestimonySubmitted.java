package eu.borderviolence.registry.core.api;

/** The answer to a {@link SubmitTestimonyCommand}: where the testimony landed. */
public record TestimonySubmitted(TestimonyId testimonyId, IncidentId incidentId, boolean incidentCreated) {
}
