package eu.borderviolence.registry.core.api.figures;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Readmission deportations: formal returns under a readmission agreement. */
@Schema(description = "Readmission deportations by states, legal basis and prior Dublin transfer.")
public record ReadmissionFigures(
        @Schema(description = "All readmission deportations, each once.") Figures total,
        @Schema(description = "By sending and receiving state, key RO-RS.") List<Count> bySendingAndReceivingState,
        @Schema(description = "By legal basis.") List<Count> byLegalBasis,
        @Schema(description = "Dublin transfer then readmission, by chain of states: key AT-RO-RS for a Dublin "
                + "transfer Austria to Romania followed by readmission Romania to Serbia.") List<Count> dublinThenReadmission,
        @Schema(description = "Per quarter.") List<Count> byQuarter) {
}
