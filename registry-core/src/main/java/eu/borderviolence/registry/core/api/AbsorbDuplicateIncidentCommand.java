package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/** The survivor's half of a merge: take over the duplicate and its testimonies. Sent by the merge handler only. */
public record AbsorbDuplicateIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, IncidentId duplicateId,
                                             List<TestimonyId> testimonies, String reason, Actor mergedBy) {

    public AbsorbDuplicateIncidentCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(duplicateId, "the duplicate incident is required");
        testimonies = testimonies == null ? List.of() : List.copyOf(testimonies);
        reason = Text.required(reason, 1000, "reason for the merge");
        Objects.requireNonNull(mergedBy, "who merges the incidents is required");
    }
}
