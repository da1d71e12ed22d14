package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.core.api.IncidentId;
import io.swagger.v3.oas.annotations.media.Schema;

/** Where a change landed: the incident and its version after the change. */
@Schema(description = "The incident a change landed on and its version afterwards.")
public record IncidentReference(
        @Schema(description = "The incident.")
        IncidentId incidentId,
        @Schema(description = "The incident's version after the change; send it in If-Match for the next change.")
        long version) {
}
