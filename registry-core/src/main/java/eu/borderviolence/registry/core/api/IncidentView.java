package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An incident as the registry knows it now. Contains no witness personal data. */
@Schema(description = "An incident as the registry knows it now. Contains no personal data.")
public record IncidentView(
        @Schema(description = "Identifier of the incident.")
        IncidentId incidentId,
        @Schema(description = "Version: the sequence number of the incident's latest event. Send it in If-Match to change the incident.")
        long version,
        @Schema(description = "ACTIVE, MERGED or RETRACTED.")
        IncidentStatus status,
        @Schema(description = "For a merged incident, the incident it was merged into.")
        IncidentId mergedInto,
        @Schema(description = "Incidents that were merged into this one.")
        List<IncidentId> mergedDuplicates,
        @Schema(description = "The current facts.")
        IncidentFacts facts,
        @Schema(description = "Testimonies about this incident, including those taken over from merged duplicates.")
        List<TestimonyId> testimonies,
        @Schema(description = "Who first reported the incident.")
        Actor reportedBy,
        @Schema(description = "When the incident was first reported.")
        Instant reportedAt,
        @Schema(description = "When the incident last changed.")
        Instant lastChangedAt,
        @Schema(description = "Why the incident was retracted, for a retracted incident.")
        String retractionReason) {
}
