package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.core.api.IncidentId;
import io.swagger.v3.oas.annotations.media.Schema;

/** Merge the incident in the path, a duplicate, into the surviving incident. */
@Schema(description = "Merge this incident, a duplicate, into the surviving incident.")
public record MergeRequest(
        @Schema(description = "The incident that carries on.", requiredMode = Schema.RequiredMode.REQUIRED)
        IncidentId survivorId,
        @Schema(description = "Why the two are the same incident. Must not contain personal data.", maxLength = 1000,
                requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {
}
