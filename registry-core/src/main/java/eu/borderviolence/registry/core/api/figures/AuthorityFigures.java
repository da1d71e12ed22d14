package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.CountryCode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The figures of one authority: a state's agency, with its units where witnesses could tell them. */
@Schema(description = "Figures of one authority (country and agency).")
public record AuthorityFigures(
        @Schema(description = "The authority's country.", example = "HR") CountryCode country,
        @Schema(description = "The kind of agency.") AgencyType agency,
        @Schema(description = "Incidents the authority was involved in.") Figures figures,
        @Schema(description = "Incidents per unit, where the unit was named.") List<Count> units,
        @Schema(description = "Incidents per border leg.") List<Count> borders,
        @Schema(description = "Joint operations: incidents in which officers of another state, neither acting nor "
                + "receiving, took part alongside.") Count jointOperations,
        @Schema(description = "Joint operations per partner state: the countries of the other operating "
                + "authorities.") List<Count> partnerCountries,
        @Schema(description = "Incidents in which Frontex was present as well.") Count frontexCoPresence) {
}
