package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.CountryCode;
import io.swagger.v3.oas.annotations.media.Schema;

/** The people of one nationality and their share, in percent, of the people whose nationality was recorded. */
@Schema(description = "People of one nationality and their share in percent.")
public record NationalityShare(
        @Schema(description = "The nationality.", example = "AF") CountryCode nationality,
        @Schema(description = "People of this nationality.") long people,
        @Schema(description = "Share in percent of the people whose nationality was recorded, one decimal.")
        double percent) {
}
