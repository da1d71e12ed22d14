package eu.borderviolence.registry.api.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer with the same JSON, minus the lookups it repeats for every message it reads.
 *
 * <p>Every view's processor reads every stored event, so a rebuild deserializes each event's payload and metadata
 * once per view. Axon's serializer asks the mapper for a new reader, and the class loader for the payload's class,
 * each time, and its metadata deserializer looks up the map deserializer it delegates to on every call: a sixth of
 * the deserialization time in a profiled rebuild (docs/benchmarks.md). Here a reader is made once per class, a class
 * is looked up once per name, and the metadata's map deserializer is found once. What is written and what is read
 * back are the same as with {@link JacksonSerializer}: the same mapper, the same readers, the same map of metadata.
 */
public final class StoredJsonSerializer extends JacksonSerializer {

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    private StoredJsonSerializer(Builder builder) {
        super(builder);
        // Registered after Axon's own module, so it is the one the mapper asks first for MetaData.
        getObjectMapper().registerModule(new SimpleModule("registry-metadata")
                .addDeserializer(MetaData.class, new MetaDataDeserializer()));
    }

    /** A serializer writing and reading with {@code mapper} (which it configures as {@link JacksonSerializer} does). */
    public static StoredJsonSerializer of(ObjectMapper mapper) {
        return new StoredJsonSerializer(JacksonSerializer.builder().objectMapper(mapper));
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    /** Known classes are kept by name; a name no class answers to is left to Axon, which reads it as unknown. */
    @Override
    public Class classForType(SerializedType type) {
        Class<?> known = classes.get(type.getName());
        if (known != null) {
            return known;
        }
        Class<?> found = super.classForType(type);
        if (found != UnknownSerializedType.class && found != Void.class) {
            classes.put(type.getName(), found);
        }
        return found;
    }

    /** Metadata as a map of string keys, as Axon's own deserializer reads it, with the map deserializer found once. */
    private static final class MetaDataDeserializer extends StdDeserializer<MetaData>
            implements ResolvableDeserializer {

        private JsonDeserializer<Object> values;

        MetaDataDeserializer() {
            super(MetaData.class);
        }

        /** One instance per mapper, resolved once: without this Jackson would resolve it again for each reader. */
        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            JavaType map = context.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
            values = context.findRootValueDeserializer(map);
        }

        @Override
        @SuppressWarnings("unchecked")
        public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return MetaData.from((Map<String, ?>) values.deserialize(parser, context));
        }
    }
}
