package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/** Record evidence that corroborates an incident, optionally raising or lowering the confidence in it. */
public record CorroborateIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                         @TargetAggregateVersion Long expectedVersion,
                                         CorroborationSource source, String reference,
                                         ConfidenceStatus confidence, Actor corroboratedBy) {

    public CorroborateIncidentCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(source, "the kind of corroborating evidence is required");
        reference = Text.optional(reference, 200, "reference");
        Objects.requireNonNull(corroboratedBy, "who corroborates the incident is required");
    }
}
