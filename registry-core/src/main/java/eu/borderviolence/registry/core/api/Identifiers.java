package eu.borderviolence.registry.core.api;

import java.util.UUID;

final class Identifiers {

    private Identifiers() {
    }

    static UUID parseUuid(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be a UUID");
        }
    }
}
