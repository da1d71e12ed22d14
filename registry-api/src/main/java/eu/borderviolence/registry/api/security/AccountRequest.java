package eu.borderviolence.registry.api.security;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new account. */
@Schema(description = "A new account.")
public record AccountRequest(
        @Schema(description = "Login name: 1 to 100 letters, digits, '.', '_', '@' or '-'.", example = "lawyer-3",
                requiredMode = Schema.RequiredMode.REQUIRED) String username,
        @Schema(description = "The organisation the person acts for, same format.", example = "klikaktiv",
                requiredMode = Schema.RequiredMode.REQUIRED) String organisation,
        @Schema(description = "The account's one role.", requiredMode = Schema.RequiredMode.REQUIRED) Role role,
        @Schema(description = "For browser login only, at least 12 characters; leave out for token-only accounts.")
        String password) {
}
