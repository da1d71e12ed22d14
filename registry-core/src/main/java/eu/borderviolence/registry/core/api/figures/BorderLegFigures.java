package eu.borderviolence.registry.core.api.figures;

import eu.borderviolence.registry.core.api.BorderLeg;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The figures of one directed border leg. */
@Schema(description = "Figures of one directed border leg.")
public record BorderLegFigures(
        @Schema(description = "The leg: the state that expelled and the state people were pushed into.") BorderLeg leg,
        @Schema(description = "Incidents that passed this leg.") Figures figures,
        @Schema(description = "Of those, chain pushbacks that passed this leg among others.") long chainPushbacks,
        @Schema(description = "Authorities (country-agency) involved most often on this leg, at most five.")
        List<Count> topAuthorities,
        @Schema(description = "Incidents per month of their earliest possible day.") List<Count> byMonth,
        @Schema(description = "Incidents per quarter of their earliest possible day.") List<Count> byQuarter) {
}
