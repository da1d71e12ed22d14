package eu.borderviolence.registry.api.config;

import eu.borderviolence.registry.core.api.RegistryMetaData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;

import java.util.Map;

/**
 * Copies who, which organisation, the correlation id and the client's request id ({@link RegistryMetaData#KEYS})
 * from the message being handled onto every message its handling causes, unless that message is an event.
 *
 * <p>Commands are where the keys come from: a command's events carry them, and so do the commands its handler sends
 * (a merge's two halves). The registry's event handlers are its views and the hash chain; none of them sends a
 * message, but Axon asks the providers for every event a processor applies, to label the handler's result, which is
 * thrown away. Answering that from the event would deserialize its stored metadata, for every event and every view,
 * only for that: a twentieth of a rebuild's processor time (docs/benchmarks.md). A handler that reads the metadata
 * still gets it; an event handler that one day sends a command must give it the keys itself.
 */
public final class CommandMetaData implements CorrelationDataProvider {

    private final CorrelationDataProvider keys = new SimpleCorrelationDataProvider(RegistryMetaData.KEYS);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof EventMessage ? Map.of() : keys.correlationDataFor(message);
    }
}
