package eu.borderviolence.registry.projections.testimony;

import eu.borderviolence.registry.core.api.FindTestimonyQuery;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.core.api.TestimonyView;
import eu.borderviolence.registry.core.api.WitnessAccount;
import eu.borderviolence.registry.core.api.WitnessDataErasedEvent;
import eu.borderviolence.registry.core.testimony.WitnessVault;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads a testimony from its own events in the event store and opens the witness's sealed account with its key.
 * Testimonies carry witnesses' personal data, so no view keeps a copy of them: the sealed event is the one place it
 * is stored, and destroying its key (erasure) makes it unreadable there. Who may read which testimony is decided by
 * the API before asking.
 */
@Component
public class TestimonyRecords {

    private final EventStore eventStore;
    private final WitnessVault vault;

    TestimonyRecords(EventStore eventStore, WitnessVault vault) {
        this.eventStore = eventStore;
        this.vault = vault;
    }

    @QueryHandler
    public Optional<TestimonyView> find(FindTestimonyQuery query) {
        DomainEventStream events = eventStore.readEvents(query.testimonyId().toString(), 0);
        TestimonyRecordedEvent recorded = null;
        java.time.Instant recordedAt = null;
        boolean erased = false;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof TestimonyRecordedEvent payload) {
                recorded = payload;
                recordedAt = event.getTimestamp();
            } else if (event.getPayload() instanceof WitnessDataErasedEvent) {
                erased = true;
            }
        }
        if (recorded == null) {
            return Optional.empty();
        }
        WitnessAccount witness = erased ? null : vault.open(recorded.witness()).orElse(null);
        return Optional.of(new TestimonyView(recorded.testimonyId(), recorded.incidentId(), recorded.circumstances(),
                recorded.reportedFacts(), witness, erased || witness == null && recorded.witness() != null,
                recorded.recordedBy(), recordedAt));
    }
}
