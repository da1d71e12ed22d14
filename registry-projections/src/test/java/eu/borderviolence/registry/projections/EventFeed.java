package eu.borderviolence.registry.projections;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to projections the way streaming processors do: through Axon's annotation adapter, as tracked
 * domain event messages with a sequence number per aggregate, a global position, a timestamp and the registry's
 * metadata. {@code afterEach} runs after every event, for tests that want each event in its own unit of work.
 */
public final class EventFeed {

    public static final Instant START = Instant.parse("2023-07-16T09:00:00Z");

    private final List<AnnotationEventHandlerAdapter> adapters;
    private final Runnable afterEach;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position = 100;
    private Instant clock = START;

    public EventFeed(Runnable afterEach, Object... projections) {
        this.adapters = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
        this.afterEach = afterEach;
    }

    /** Stores the next event of the aggregate, by the actor, with a fresh correlation id. */
    public EventMessage<?> publish(Object aggregateId, Object payload, Actor actor) {
        return publish(aggregateId, payload, RegistryMetaData.of(actor, "corr-" + UUID.randomUUID(), null));
    }

    public EventMessage<?> publish(Object aggregateId, Object payload, Map<String, ?> metaData) {
        String aggregate = aggregateId.toString();
        long sequence = sequences.merge(aggregate, 0L, (last, ignored) -> last + 1);
        clock = clock.plus(Duration.ofMinutes(5));
        EventMessage<?> message = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position++),
                new GenericDomainEventMessage<>("Incident", aggregate, sequence, payload, metaData,
                        UUID.randomUUID().toString(), clock));
        deliver(message);
        return message;
    }

    /** Hands the projection an event again, as after a crash before the token was stored. */
    public void deliver(EventMessage<?> message) {
        for (AnnotationEventHandlerAdapter adapter : adapters) {
            try {
                adapter.handle(message);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        afterEach.run();
    }

    /**
     * Hands the projections these events in one unit of work, as a processor applies a batch: each event in turn,
     * then the commit, when what a projection collected for the batch is written.
     */
    public void deliverInOneBatch(List<? extends EventMessage<?>> messages) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(messages));
        ResultMessage<?> result = batch.executeWithResult(() -> {
            for (AnnotationEventHandlerAdapter adapter : adapters) {
                adapter.handle(batch.getMessage());
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        afterEach.run();
    }

    public boolean handles(EventMessage<?> message) {
        return adapters.stream().anyMatch(adapter -> adapter.canHandle(message));
    }

    /** What the processor does before a replay. */
    public void reset() {
        adapters.forEach(AnnotationEventHandlerAdapter::prepareReset);
        afterEach.run();
    }
}
