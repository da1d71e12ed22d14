package eu.borderviolence.registry.api.config;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMetaDataTest {

    private static final MetaData WHO = MetaData.with("principal", "lawyer-1").and("organisation", "ngo-a")
            .and("role", "LAWYER").and("correlationId", "c-9").and("clientRequestId", "r-9").and("other", "x");

    private final CommandMetaData provider = new CommandMetaData();

    @Test
    void copiesTheRegistryKeysOfACommandAndNothingElse() {
        Map<String, Object> copied = Map.copyOf(provider.correlationDataFor(
                new GenericCommandMessage<>("merge").andMetaData(WHO)));

        assertThat(copied).containsOnly(Map.entry("principal", "lawyer-1"), Map.entry("organisation", "ngo-a"),
                Map.entry("role", "LAWYER"), Map.entry("correlationId", "c-9"), Map.entry("clientRequestId", "r-9"));
    }

    @Test
    void copiesTheKeysOfAQueryAsBefore() {
        Map<String, Object> copied = Map.copyOf(provider.correlationDataFor(
                new GenericQueryMessage<>("find", ResponseTypes.instanceOf(String.class)).andMetaData(WHO)));

        assertThat(copied).containsEntry("principal", "lawyer-1").doesNotContainKey("other");
    }

    @Test
    void copiesNothingFromAnEventSoAViewNeverReadsItsMetaDataForAResultItDiscards() {
        GenericEventMessage<String> event = new GenericEventMessage<>("reported", WHO);
        TrackedEventMessage<String> tracked = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1), event);

        assertThat(provider.correlationDataFor(event)).isEmpty();
        assertThat(provider.correlationDataFor(tracked)).isEmpty();
    }
}
