package eu.borderviolence.registry.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** One event exactly as the event store holds it. */
@Schema(description = "One stored event, as the event store holds it.")
public record StoredEvent(
        @Schema(description = "Global position in the event stream; strictly increasing.")
        long position,
        @Schema(description = "Unique identifier of the event.")
        String eventId,
        @Schema(description = "Kind of aggregate the event belongs to: Incident or Testimony.")
        String aggregateType,
        @Schema(description = "Identifier of the incident or testimony.")
        String aggregateId,
        @Schema(description = "Position of the event within its aggregate, from 0.")
        long sequenceNumber,
        @Schema(description = "When the event was stored (ISO-8601, UTC).")
        String timestamp,
        @Schema(description = "Fully qualified event type.")
        String payloadType,
        @Schema(description = "Revision of the event type's shape.")
        String payloadRevision,
        @Schema(description = "The event as stored (JSON).")
        JsonNode payload,
        @Schema(description = "The event's metadata: principal, organisation, correlationId, clientRequestId.")
        JsonNode metaData) {
}
