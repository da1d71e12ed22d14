package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Attach a newly recorded testimony to the incident it describes. */
public record AttachTestimonyCommand(@TargetAggregateIdentifier IncidentId incidentId, TestimonyId testimonyId,
                                     Actor recordedBy) {

    public AttachTestimonyCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(testimonyId, "testimony id is required");
        Objects.requireNonNull(recordedBy, "who recorded the testimony is required");
    }
}
