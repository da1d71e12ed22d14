package eu.borderviolence.registry.core.api.figures;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Incidents with Frontex observing or participating, and incidents with foreign officers of other states; every
 * figure lists its incidents.
 */
@Schema(description = "Frontex presence and foreign officers; every figure lists the incidents behind it.")
public record FrontexPresenceFigures(
        @Schema(description = "Incidents with Frontex present.") Figures frontex,
        @Schema(description = "Frontex incidents by role: OBSERVING or PARTICIPATING.") List<Count> frontexByRole,
        @Schema(description = "Frontex incidents by host country: the state Frontex operated in.")
        List<Count> frontexByHostCountry,
        @Schema(description = "Frontex incidents by border leg.") List<Count> frontexByBorderLeg,
        @Schema(description = "Frontex incidents by how the presence was recognised; an incident recognised in "
                + "several ways counts under each.") List<Count> frontexByRecognition,
        @Schema(description = "Frontex incidents per quarter.") List<Count> frontexByQuarter,
        @Schema(description = "Incidents with officers of a third state (neither acting nor receiving).")
        Figures foreignOfficers,
        @Schema(description = "Those incidents by the officers' state.") List<Count> foreignOfficersByCountry,
        @Schema(description = "Those incidents by host country: the acting state.") List<Count> foreignOfficersByHostCountry,
        @Schema(description = "Those incidents by border leg.") List<Count> foreignOfficersByBorderLeg,
        @Schema(description = "Those incidents per quarter.") List<Count> foreignOfficersByQuarter) {
}
