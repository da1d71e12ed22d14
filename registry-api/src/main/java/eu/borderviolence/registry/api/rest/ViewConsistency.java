package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.config.RegistryApiProperties;
import eu.borderviolence.registry.api.error.ConsistencyTimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Read-your-writes for clients that need it. Writes answer as soon as their events are stored; the views follow a
 * moment later. A read with {@code consistency=STRONG} first waits, for at most
 * {@code registry.api.consistency-timeout}, until every view has processed every event stored before the read
 * began, so it sees all writes acknowledged before it.
 */
@Component
public class ViewConsistency {

    /** The values of the {@code consistency} query parameter. */
    public enum Level {
        /** Answer at once from the views as they are (the default). */
        EVENTUAL,
        /** Wait until the views have caught up with every write acknowledged before this read. */
        STRONG
    }

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;

    public ViewConsistency(EventStore eventStore, EventProcessingConfiguration processing,
                           RegistryApiProperties properties) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.timeout = properties.consistencyTimeout();
    }

    public void await(Level level) {
        if (level == Level.STRONG) {
            awaitHead();
        }
    }

    private void awaitHead() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        if (headPosition < 0) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(headPosition)) {
            if (System.nanoTime() > deadline) {
                throw new ConsistencyTimeoutException(timeout);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsistencyTimeoutException(timeout);
            }
        }
    }

    private boolean caughtUp(long headPosition) {
        Collection<StreamingEventProcessor> processors =
                processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .toList();
        for (StreamingEventProcessor processor : processors) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (segment.isErrorState() || segment.getCurrentPosition().orElse(-1) < headPosition) {
                    return false;
                }
            }
        }
        return true;
    }
}
