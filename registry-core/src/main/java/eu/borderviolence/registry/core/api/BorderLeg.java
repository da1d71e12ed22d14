package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Objects;

/**
 * One directed border crossing of a pushback: the state that expelled ({@code from}) and the state the people were
 * forced into ({@code to}), for example HU→RS.
 */
@Schema(description = "A directed border leg: the expelling state and the state people were forced into.")
public record BorderLeg(
        @Schema(description = "State that expelled the people.", example = "HU", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode from,
        @Schema(description = "State the people were forced into.", example = "RS", requiredMode = Schema.RequiredMode.REQUIRED)
        CountryCode to) {

    public BorderLeg {
        Objects.requireNonNull(from, "border leg needs the expelling state (from)");
        Objects.requireNonNull(to, "border leg needs the receiving state (to)");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a border leg must cross a border: from and to must differ");
        }
    }

    public static BorderLeg of(String from, String to) {
        return new BorderLeg(CountryCode.of(from), CountryCode.of(to));
    }

    @Override
    public String toString() {
        return from + "→" + to;
    }
}
