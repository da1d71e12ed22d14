package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A WGS84 position in decimal degrees. */
@Schema(description = "WGS84 position in decimal degrees.")
public record Coordinates(
        @Schema(description = "Latitude, -90 to 90.", example = "46.1003", requiredMode = Schema.RequiredMode.REQUIRED)
        double latitude,
        @Schema(description = "Longitude, -180 to 180.", example = "19.6658", requiredMode = Schema.RequiredMode.REQUIRED)
        double longitude) {

    public Coordinates {
        if (Double.isNaN(latitude) || latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude must be between -90 and 90");
        }
        if (Double.isNaN(longitude) || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude must be between -180 and 180");
        }
    }
}
