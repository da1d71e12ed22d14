package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** The duplicate's half of a merge: mark it as merged into the survivor. Sent by the merge handler only. */
public record MarkIncidentMergedCommand(@TargetAggregateIdentifier IncidentId incidentId, IncidentId survivorId,
                                        String reason, Actor mergedBy) {

    public MarkIncidentMergedCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(survivorId, "the surviving incident is required");
        reason = Text.required(reason, 1000, "reason for the merge");
        Objects.requireNonNull(mergedBy, "who merges the incidents is required");
    }
}
