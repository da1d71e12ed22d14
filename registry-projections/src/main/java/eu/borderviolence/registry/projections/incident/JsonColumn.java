package eu.borderviolence.registry.projections.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;

/**
 * Stores a value of the public contract as JSON text, written and read with the application's {@link ObjectMapper}.
 * Hibernate creates the subclasses through Spring, which injects the mapper.
 *
 * <p>The values are immutable (records and copied lists), so entities replace them instead of changing them in place;
 * the subclasses are marked {@code @Immutable} to spare Hibernate a JSON round trip per loaded row for its snapshot.
 */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private final ObjectMapper json;
    private final JavaType type;

    JsonColumn(ObjectMapper json, TypeReference<T> type) {
        this.json = json;
        this.type = json.getTypeFactory().constructType(type);
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // The message names the type only: the value never goes into an exception.
            throw new IllegalStateException("cannot write " + type + " as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String column) {
        if (column == null) {
            return null;
        }
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type + " from its JSON column", e);
        }
    }
}
