package eu.borderviolence.registry.projections.testimony;

import eu.borderviolence.registry.core.api.FindTestimonyQuery;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.core.api.TestimonyView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads a testimony from its own events in the event store. Testimonies carry witnesses' personal data, so no view
 * keeps a copy of them: there is exactly one place where that data is stored, the place erasure has to reach.
 * Who may read which testimony is decided by the API before asking.
 */
@Component
public class TestimonyRecords {

    private final EventStore eventStore;

    TestimonyRecords(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<TestimonyView> find(FindTestimonyQuery query) {
        DomainEventStream events = eventStore.readEvents(query.testimonyId().toString(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof TestimonyRecordedEvent recorded) {
                return Optional.of(new TestimonyView(recorded.testimonyId(), recorded.incidentId(),
                        recorded.circumstances(), recorded.reportedFacts(), recorded.witness(), recorded.recordedBy(),
                        event.getTimestamp()));
            }
        }
        return Optional.empty();
    }
}
