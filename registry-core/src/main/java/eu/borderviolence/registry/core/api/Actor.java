package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who did something in the registry: the principal (a monitor's or lawyer's account name, never a witness) and the
 * organisation they act for. Recorded on every event that changes an incident, for the case history and the audit.
 */
@Schema(description = "The registry user who acted and their organisation.")
public record Actor(
        @Schema(description = "Account name of the registry user.", example = "monitor-17")
        String principal,
        @Schema(description = "Organisation the user acts for.", example = "klikaktiv")
        String organisation) {

    public Actor {
        principal = Text.required(principal, 100, "principal");
        organisation = Text.required(organisation, 100, "organisation");
    }
}
