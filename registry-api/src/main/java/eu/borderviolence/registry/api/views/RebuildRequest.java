package eu.borderviolence.registry.api.views;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Which views to rebuild. */
@Schema(description = "Which views to rebuild.")
public record RebuildRequest(
        @Schema(description = "View names, as in /api/v1/views/status; empty or absent rebuilds every view.",
                example = "[\"incident-facts\"]") List<String> views) {
}
