package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorroborationSource;
import io.swagger.v3.oas.annotations.media.Schema;

/** Evidence that corroborates an incident. */
@Schema(description = "Evidence that corroborates the incident.")
public record CorroborationRequest(
        @Schema(description = "Kind of evidence.", requiredMode = Schema.RequiredMode.REQUIRED)
        CorroborationSource source,
        @Schema(description = "Reference to the evidence, such as a report number.", maxLength = 200,
                example = "MSF medical report 2023/114")
        String reference,
        @Schema(description = "Confidence status from now on; leave out to keep the current one.")
        ConfidenceStatus confidence) {
}
