package eu.borderviolence.registry.api.security;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new API token for an account. */
@Schema(description = "A new API token for an account.")
public record TokenRequest(
        @Schema(description = "What the token is for, to recognise it in lists.", example = "field laptop 2",
                requiredMode = Schema.RequiredMode.REQUIRED) String label,
        @Schema(description = "Days until it expires, 1 to 366.", example = "90",
                requiredMode = Schema.RequiredMode.REQUIRED) Integer validDays) {
}
