package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.core.api.Actor;

import java.util.Objects;

/**
 * One command of the demo data set and the registry user who sends it. The actor is the one the command itself
 * names (its {@code recordedBy}, {@code correctedBy} and so on); the loader also puts it in the command's metadata.
 */
public record DemoStep(Object command, Actor actor) {

    public DemoStep {
        Objects.requireNonNull(command, "command is required");
        Objects.requireNonNull(actor, "actor is required");
    }
}
