package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies one incident for its whole life, including after it was merged or retracted. */
@Schema(type = "string", format = "uuid", description = "Identifier of an incident.")
public record IncidentId(UUID value) {

    public IncidentId {
        Objects.requireNonNull(value, "incident id is required");
    }

    public static IncidentId random() {
        return new IncidentId(UUID.randomUUID());
    }

    /** The same name always gives the same id: used to make retried submissions land on the same incident. */
    public static IncidentId derivedFrom(String name) {
        return new IncidentId(UUID.nameUUIDFromBytes(("incident:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static IncidentId of(String value) {
        return new IncidentId(Identifiers.parseUuid(value, "incident id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
