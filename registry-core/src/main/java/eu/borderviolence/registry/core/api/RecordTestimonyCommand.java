package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Record one witness's testimony about an incident. {@code reportedFacts} is the incident as this witness told it
 * (optional: testimonies disagree, and the incident's own facts change only by report or correction).
 */
public record RecordTestimonyCommand(@TargetAggregateIdentifier TestimonyId testimonyId, IncidentId incidentId,
                                     TestimonyCircumstances circumstances, IncidentFacts reportedFacts,
                                     WitnessAccount witness, Actor recordedBy) {

    public RecordTestimonyCommand {
        Objects.requireNonNull(testimonyId, "testimony id is required");
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(circumstances, "how the testimony was taken is required");
        witness = witness == null ? new WitnessAccount(null, null, null, null, null, null, null, null, null) : witness;
        Objects.requireNonNull(recordedBy, "who recorded the testimony is required");
    }
}
