package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Objects;

/** A transfer under the Dublin Regulation that preceded a readmission (case "S.A.": Austria → Romania). */
@Schema(description = "A Dublin transfer that preceded the readmission.")
public record DublinTransfer(
        @Schema(description = "State that transferred the person.", example = "AT", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode fromState,
        @Schema(description = "State responsible under Dublin that received the person.", example = "RO", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode toState,
        @Schema(description = "Day of the transfer, if known.", example = "2021-11-03")
        LocalDate transferDate) {

    public DublinTransfer {
        Objects.requireNonNull(fromState, "Dublin transfer needs the transferring state");
        Objects.requireNonNull(toState, "Dublin transfer needs the receiving state");
        if (fromState.equals(toState)) {
            throw new IllegalArgumentException("a Dublin transfer must be between two different states");
        }
    }
}
