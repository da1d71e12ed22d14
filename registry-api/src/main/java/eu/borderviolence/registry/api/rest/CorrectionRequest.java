package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.core.api.IncidentFacts;
import io.swagger.v3.oas.annotations.media.Schema;

/** A correction of an incident's facts. */
@Schema(description = "A correction: the complete corrected facts and why.")
public record CorrectionRequest(
        @Schema(description = "The complete corrected facts; they replace the current ones, which stay in history.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        IncidentFacts facts,
        @Schema(description = "Why the facts are corrected. Must not contain personal data.", maxLength = 1000,
                example = "Second interview: the group was pushed back from Croatia, not Hungary.",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {
}
