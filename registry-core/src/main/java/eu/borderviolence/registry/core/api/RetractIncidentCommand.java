package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/** Retract an incident that should not stand, with the reason. It stays in history and out of figures. */
public record RetractIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                     @TargetAggregateVersion Long expectedVersion,
                                     String reason, Actor retractedBy) {

    public RetractIncidentCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        reason = Text.required(reason, 1000, "reason for the retraction");
        Objects.requireNonNull(retractedBy, "who retracts the incident is required");
    }
}
