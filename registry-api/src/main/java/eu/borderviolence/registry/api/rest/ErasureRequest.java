package eu.borderviolence.registry.api.rest;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why a witness's data is erased. */
@Schema(description = "Why a witness's data is erased.")
public record ErasureRequest(
        @Schema(description = "The reason, such as 'consent withdrawn on 2023-09-02 by phone'. Stored for ever: it "
                + "must not contain personal data.", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
}
