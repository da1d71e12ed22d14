package eu.borderviolence.registry.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.json.MetaDataDeserializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's serializer reads what Axon's Jackson serializer reads, from the same bytes, however often it is
 * asked. (Every stored event type is read back through both in {@code DemoDataLoaderTest}.)
 */
class StoredJsonSerializerTest {

    private final StoredJsonSerializer serializer = StoredJsonSerializer.of(AxonConfig.storedJson());
    private final JacksonSerializer axon = JacksonSerializer.builder().objectMapper(AxonConfig.storedJson()).build();

    @Test
    void readsMetaDataAsAxonDoesEveryTime() {
        MetaData metaData = MetaData.with("principal", "field-ngo-1").and("correlationId", "c-1")
                .and("attempt", 2).and("tags", List.of("a", "b")).and("nested", Map.of("k", "v"));
        SerializedObject<byte[]> stored = serializer.serialize(metaData, byte[].class);

        for (int i = 0; i < 3; i++) {
            MetaData readBack = serializer.deserialize(stored);
            assertThat(readBack).isEqualTo(axon.<byte[], MetaData>deserialize(stored));
            assertThat(readBack.get("principal")).isEqualTo("field-ngo-1");
            assertThat(readBack.get("attempt")).isEqualTo(2);
            assertThat(readBack.get("tags")).isEqualTo(List.of("a", "b"));
        }
        assertThat(serializer.<byte[], MetaData>deserialize(serializer.serialize(MetaData.emptyInstance(),
                byte[].class))).isEmpty();
    }

    @Test
    void readsMetaDataWithItsOwnDeserializerNotAxons() throws Exception {
        ObjectMapper mapper = serializer.getObjectMapper();
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);

        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isNotInstanceOf(MetaDataDeserializer.class)
                .isSameAs(context.findRootValueDeserializer(mapper.constructType(MetaData.class)));
    }

    @Test
    void readsAPayloadAsAxonDoesEveryTime() {
        Sample sample = new Sample("HU", 3, List.of("beating", "theft"));
        SerializedObject<byte[]> stored = serializer.serialize(sample, byte[].class);

        for (int i = 0; i < 3; i++) {
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(sample)
                    .isEqualTo(axon.deserialize(stored));
            assertThat(serializer.classForType(stored.getType())).isEqualTo(Sample.class);
        }
    }

    @Test
    void aTypeNoClassAnswersToStaysUnknownAndIsNotMistakenForAnother() {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>("{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType("eu.borderviolence.registry.NoSuchEvent", "1"));

        for (int i = 0; i < 2; i++) {
            assertThat(serializer.classForType(stored.getType())).isEqualTo(UnknownSerializedType.class);
            assertThat((Object) serializer.deserialize(stored)).isInstanceOf(UnknownSerializedType.class);
        }
        assertThat(serializer.classForType(SimpleSerializedType.emptyType())).isEqualTo(Void.class);
        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(new byte[0], byte[].class,
                SimpleSerializedType.emptyType()))).isNull();
    }

    @Test
    void refusesUnknownPropertiesAsTheStoredFormatRequires() {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                "{\"country\":\"HU\",\"people\":3,\"violations\":[],\"extra\":true}".getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(Sample.class.getName(), null));

        assertThatThrownBy(() -> serializer.deserialize(stored)).isInstanceOf(SerializationException.class);
    }

    record Sample(String country, int people, List<String> violations) {
    }
}
