package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies one witness's testimony. */
@Schema(type = "string", format = "uuid", description = "Identifier of a testimony.")
public record TestimonyId(UUID value) {

    public TestimonyId {
        Objects.requireNonNull(value, "testimony id is required");
    }

    public static TestimonyId random() {
        return new TestimonyId(UUID.randomUUID());
    }

    /** The same name always gives the same id: used to make retried submissions land on the same testimony. */
    public static TestimonyId derivedFrom(String name) {
        return new TestimonyId(UUID.nameUUIDFromBytes(("testimony:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    @JsonCreator
    public static TestimonyId of(String value) {
        return new TestimonyId(Identifiers.parseUuid(value, "testimony id"));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
