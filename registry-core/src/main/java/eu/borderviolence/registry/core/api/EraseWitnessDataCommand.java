package eu.borderviolence.registry.core.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Erase a witness's personal data from testimony {@code testimonyId}, because they withdrew their consent: the data
 * key is destroyed, so the data becomes unreadable wherever it was stored; the testimony and the incident remain.
 * {@code reason} must not itself contain personal data.
 */
public record EraseWitnessDataCommand(@TargetAggregateIdentifier TestimonyId testimonyId, String reason,
                                      Actor erasedBy) {

    public EraseWitnessDataCommand {
        Objects.requireNonNull(testimonyId, "testimony id is required");
        reason = Text.required(reason, 1000, "reason");
        Objects.requireNonNull(erasedBy, "who erases is required");
    }
}
