package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Everything that happened to an incident, in order. */
@Schema(description = "The case history of an incident: every event in the order it was stored.")
public record CaseHistory(
        @Schema(description = "The incident asked for.")
        IncidentId incidentId,
        @Schema(description = "Entries in the order they were stored, including those of duplicates merged into this incident.")
        List<CaseHistoryEntry> entries) {
}
