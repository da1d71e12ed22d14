package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a {@link SubmitTestimonyCommand}: where the testimony landed. */
@Schema(description = "Where a submitted testimony landed.")
public record TestimonySubmitted(
        @Schema(description = "Identifier of the stored testimony.")
        TestimonyId testimonyId,
        @Schema(description = "The incident the testimony is about: the new one, or the existing one it was attached to.")
        IncidentId incidentId,
        @Schema(description = "Whether the submission reported a new incident.")
        boolean incidentCreated) {
}
