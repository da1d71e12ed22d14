package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Objects;

/**
 * Replace an incident's facts with corrected ones, giving the reason. {@code expectedVersion} is the version the
 * corrector saw; a correction based on an older version is refused rather than silently overwriting another's.
 */
public record CorrectIncidentFactsCommand(@TargetAggregateIdentifier IncidentId incidentId,
                                          @TargetAggregateVersion Long expectedVersion,
                                          IncidentFacts facts, String reason, Actor correctedBy) {

    public CorrectIncidentFactsCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(facts, "corrected facts are required");
        reason = Text.required(reason, 1000, "reason for the correction");
        Objects.requireNonNull(correctedBy, "who corrects the incident is required");
    }
}
