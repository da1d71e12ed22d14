package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.RecordTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One witness's account of one incident. It holds the witness's personal data, which is why it is an aggregate of
 * its own: incident events carry facts, testimony events carry the person.
 */
class Testimony {

    @AggregateIdentifier
    private TestimonyId testimonyId;
    private IncidentId incidentId;

    protected Testimony() {
        // for Axon, which rebuilds the testimony from its events
    }

    @CommandHandler
    Testimony(RecordTestimonyCommand command) {
        apply(new TestimonyRecordedEvent(command.testimonyId(), command.incidentId(), command.circumstances(),
                command.reportedFacts(), command.witness(), command.recordedBy()));
    }

    @EventSourcingHandler
    void on(TestimonyRecordedEvent event) {
        testimonyId = event.testimonyId();
        incidentId = event.incidentId();
    }
}
