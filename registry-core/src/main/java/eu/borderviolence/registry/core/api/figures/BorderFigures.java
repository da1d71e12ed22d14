package eu.borderviolence.registry.core.api.figures;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * Figures per border. A chain pushback is counted on every leg it passed and once under its route in
 * {@code chains}; {@code total} counts it once.
 */
@Schema(description = "Figures per directed border leg and per chain-pushback route.")
public record BorderFigures(
        @Schema(description = "All incidents with at least one border leg, each once.") Figures total,
        @Schema(description = "One entry per directed leg, most incidents first.") List<BorderLegFigures> legs,
        @Schema(description = "Chain pushbacks per route, most incidents first.") List<Count> chains) {
}
