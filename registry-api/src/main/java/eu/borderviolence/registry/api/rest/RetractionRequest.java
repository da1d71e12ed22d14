package eu.borderviolence.registry.api.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** Retract an incident. */
@Schema(description = "Retract the incident.")
public record RetractionRequest(
        @Schema(description = "Why the incident is retracted. Must not contain personal data.", maxLength = 1000,
                example = "The witness confused this with an earlier incident.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {
}
