package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of incidents. */
@Schema(description = "One page of incidents.")
public record IncidentPage(
        @Schema(description = "The incidents on this page.")
        List<IncidentView> items,
        @Schema(description = "Page number, from 0.")
        int page,
        @Schema(description = "Requested page size.")
        int size,
        @Schema(description = "Number of incidents matching the filter.")
        long totalItems) {
}
