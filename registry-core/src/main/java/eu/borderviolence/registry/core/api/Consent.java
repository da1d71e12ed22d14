package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the witness agreed to. Storing is the precondition of a testimony in the registry; sharing with lawyers and
 * anonymised publication are separate choices.
 */
@Schema(description = "The witness's consent.")
public record Consent(
        @Schema(description = "Consent to store the testimony; must be true.", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean store,
        @Schema(description = "Consent to share the testimony, personal data included, with lawyers working on the case.")
        boolean shareWithLawyers,
        @Schema(description = "Consent to publish the account anonymised.")
        boolean publishAnonymised) {

    public Consent {
        if (!store) {
            throw new IllegalArgumentException("a testimony can only be recorded with the witness's consent to store it");
        }
    }
}
