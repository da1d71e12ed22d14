package eu.borderviolence.registry.core.api;

import java.util.Objects;

/**
 * A field monitor submits a testimony. With {@code existingIncident} absent it reports a new incident with id
 * {@code incidentId} from the testimony's facts; otherwise it attaches the testimony to that existing incident.
 * Handled in one unit of work: the incident and the testimony are stored together or not at all.
 */
public record SubmitTestimonyCommand(TestimonyId testimonyId, IncidentId incidentId, boolean existingIncident,
                                     TestimonyCircumstances circumstances, IncidentFacts reportedFacts,
                                     WitnessAccount witness, Actor recordedBy) {

    public SubmitTestimonyCommand {
        Objects.requireNonNull(testimonyId, "testimony id is required");
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(circumstances, "how the testimony was taken is required");
        Objects.requireNonNull(recordedBy, "who recorded the testimony is required");
        if (!existingIncident && reportedFacts == null) {
            throw new IllegalArgumentException("a testimony that reports a new incident needs the incident's facts");
        }
    }
}
