package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Frontex, recorded as an authority of its own: whether its officers observed or took part, how witnesses recognised
 * them, and the host country of the operation.
 */
@Schema(description = "Frontex presence at the incident.")
public record FrontexPresence(
        @Schema(description = "Observing or participating.", requiredMode = Schema.RequiredMode.REQUIRED)
        FrontexRole role,
        @Schema(description = "How the officers were recognised as Frontex.")
        Set<Recognition> recognisedBy,
        @Schema(description = "Host country of the Frontex operation, if known.", example = "RO")
        CountryCode hostCountry) {

    public FrontexPresence {
        Objects.requireNonNull(role, "Frontex role (OBSERVING or PARTICIPATING) is required");
        if (recognisedBy != null && recognisedBy.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("recognisedBy must not contain empty values");
        }
        recognisedBy = recognisedBy == null || recognisedBy.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(recognisedBy));
    }
}
