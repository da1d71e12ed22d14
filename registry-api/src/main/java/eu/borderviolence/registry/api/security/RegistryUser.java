package eu.borderviolence.registry.api.security;

import eu.borderviolence.registry.core.api.Actor;

import java.util.Objects;

/** The authenticated caller: an account's name, its organisation and its role. */
public record RegistryUser(String username, String organisation, Role role) {

    public RegistryUser {
        Objects.requireNonNull(username, "username is required");
        Objects.requireNonNull(organisation, "organisation is required");
        Objects.requireNonNull(role, "role is required");
    }

    public Actor actor() {
        return new Actor(username, organisation);
    }
}
