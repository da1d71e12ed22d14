package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An authority involved in an incident and what it did. An authority of another country than the acting state is a
 * foreign officer (joint operations, for example Austrian police at the Serbian–Bulgarian border).
 */
@Schema(description = "An authority involved in the incident and what it did.")
public record AuthorityInvolvement(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Authority authority,
        @Schema(description = "What the authority did; at least one role.")
        Set<AuthorityRole> roles) {

    public AuthorityInvolvement {
        Objects.requireNonNull(authority, "authority is required");
        if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("an involved authority needs at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public static AuthorityInvolvement of(Authority authority, AuthorityRole... roles) {
        return new AuthorityInvolvement(authority, Set.of(roles));
    }
}
