package eu.borderviolence.registry.api.rest;

import eu.borderviolence.registry.api.config.RegistryApiProperties;
import eu.borderviolence.registry.api.error.ConsistencyTimeoutException;
import eu.borderviolence.registry.api.views.ProcessorPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Read-your-writes for clients that need it. Writes answer as soon as their events are stored; the views follow a
 * moment later. A read with {@code consistency=STRONG} first waits, for at most
 * {@code registry.api.consistency-timeout}, until every view has processed every event stored before the read
 * began, so it sees all writes acknowledged before it. It holds on any node, also one that processes none of the
 * views itself.
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
    private final ProcessorPositions positions;
    private final Duration timeout;

    public ViewConsistency(EventStore eventStore, EventProcessingConfiguration processing,
                           ProcessorPositions positions, RegistryApiProperties properties) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.positions = positions;
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
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsistencyTimeoutException(timeout);
            }
        }
    }

    /**
     * Every streaming processor has processed every segment up to the head. A segment this node processes is read
     * from its processor, which also knows how far it has passed over events that were not the segment's to handle;
     * a segment another node processes is read from the token store they share, where an idle segment's position is
     * stored at the latest one claim extension later ({@code registry.views.claim-extension}).
     */
    private boolean caughtUp(long headPosition) {
        Map<String, List<ProcessorPositions.Segment>> committed = positions.all();
        for (String name : processing.eventProcessors().keySet()) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElse(null);
            if (processor == null) {
                continue;
            }
            if (ProcessorPositions.slowest(committed.getOrDefault(name, List.of()), processor.processingStatus())
                    < headPosition) {
                return false;
            }
        }
        return true;
    }
}
