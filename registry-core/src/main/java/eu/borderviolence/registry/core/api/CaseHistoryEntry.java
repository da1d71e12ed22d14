package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One event in a case history, told for a person. Contains no witness personal data. */
@Schema(description = "One event of a case history.")
public record CaseHistoryEntry(
        @Schema(description = "The incident the event belongs to (a merged duplicate's entries name the duplicate).")
        IncidentId incidentId,
        @Schema(description = "Sequence number of the event within its incident; the incident's version after it.")
        long sequenceNumber,
        @Schema(description = "Position of the event in the global event stream (see /api/v1/events).")
        long globalPosition,
        @Schema(description = "When the event was stored.")
        Instant recordedAt,
        @Schema(description = "Kind of event, such as IncidentFactsCorrected.", example = "IncidentFactsCorrected")
        String eventType,
        @Schema(description = "Account name of who caused it.", example = "lawyer-3")
        String author,
        @Schema(description = "Organisation of who caused it.", example = "klikaktiv")
        String organisation,
        @Schema(description = "Human-readable summary.", example = "Facts corrected (borderLegs, people): witness recounted the group")
        String summary,
        @Schema(description = "Correlation id of the request that caused it.")
        String correlationId) {
}
