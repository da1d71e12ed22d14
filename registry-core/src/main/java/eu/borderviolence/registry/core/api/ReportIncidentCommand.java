package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Report a new incident with what is known of it. */
public record ReportIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, IncidentFacts facts, Actor reportedBy) {

    public ReportIncidentCommand {
        Objects.requireNonNull(incidentId, "incident id is required");
        Objects.requireNonNull(facts, "incident facts are required");
        Objects.requireNonNull(reportedBy, "who reports the incident is required");
    }
}
