package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.StoredJson;
import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A testimony stored as revision 1, before encryption, still reads as revision 2. */
class TestimonyRecordedEventUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(StoredJson.mapper()).build();

    @Test
    void revisionOneIsReadWithItsWitnessMarkedAsStoredInTheClear() {
        TestimonyId testimony = TestimonyId.random();
        String witness = "{\"pseudonym\":\"W-0042\",\"age\":16}";
        String revisionOne = """
                {"testimonyId":"%s","incidentId":"%s","circumstances":{"recordedOn":"2023-07-16","recordedIn":"RS",
                 "recordedAt":"Subotica","language":"ps","interpreterUsed":true,
                 "consent":{"store":true,"shareWithLawyers":true,"publishAnonymised":false}},
                 "reportedFacts":null,"witness":%s,
                 "recordedBy":{"principal":"monitor-17","organisation":"klikaktiv"}}"""
                .formatted(testimony, java.util.UUID.randomUUID(), witness);
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Testimony", testimony.toString(), 0,
                "event-1", java.time.Instant.parse("2023-07-16T10:00:00Z"), TestimonyRecordedEvent.class.getName(),
                "1", revisionOne.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = new EventUpcasterChain(new TestimonyRecordedEventUpcaster())
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        @SuppressWarnings("unchecked")
        TestimonyRecordedEvent event = serializer.deserialize((SerializedObject<Object>) (SerializedObject<?>)
                upcast.get(0).getData());
        assertThat(event.testimonyId()).isEqualTo(testimony);
        SealedPersonalData sealed = event.witness();
        assertThat(sealed.algorithm()).isEqualTo(SealedPersonalData.NONE);
        assertThat(new String(Base64.getDecoder().decode(sealed.data()), StandardCharsets.UTF_8))
                .contains("\"pseudonym\":\"W-0042\"");
    }
}
