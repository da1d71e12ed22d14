package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where an incident happened, as far as it is known: the country, a place name or border section, and optionally a
 * position.
 */
@Schema(description = "Where the incident happened, as far as it is known.")
public record Place(
        @Schema(description = "Country where it happened.", example = "RS")
        CountryCode country,
        @Schema(description = "Place name: town, village, camp or squat.", example = "Horgoš", maxLength = 200)
        String placeName,
        @Schema(description = "Border section, crossing point or fence segment.", example = "Röszke–Horgoš fence", maxLength = 200)
        String borderSection,
        @Schema(description = "Position, if known.")
        Coordinates coordinates) {

    public Place {
        placeName = Text.optional(placeName, 200, "place name");
        borderSection = Text.optional(borderSection, 200, "border section");
    }
}
