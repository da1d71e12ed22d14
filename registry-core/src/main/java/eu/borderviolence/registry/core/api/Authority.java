package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Objects;

/**
 * A state authority as far as witnesses could identify it: the country it belongs to, the kind of agency, and the
 * agency's own name and unit when known.
 */
@Schema(description = "A state authority: country, kind of agency, and its name and unit when known.")
public record Authority(
        @Schema(description = "Country the officers belong to.", example = "HU", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode country,
        @Schema(description = "Kind of agency.", requiredMode = Schema.RequiredMode.REQUIRED)
        AgencyType agency,
        @Schema(description = "The agency's own name, if known.", example = "Rendőrség", maxLength = 200)
        String agencyName,
        @Schema(description = "Unit, if known.", example = "Készenléti Rendőrség", maxLength = 200)
        String unit) {

    public Authority {
        Objects.requireNonNull(country, "authority country is required");
        Objects.requireNonNull(agency, "authority agency type is required");
        agencyName = Text.optional(agencyName, 200, "agency name");
        unit = Text.optional(unit, 200, "unit");
    }

    public static Authority of(String country, AgencyType agency) {
        return new Authority(CountryCode.of(country), agency, null, null);
    }
}
