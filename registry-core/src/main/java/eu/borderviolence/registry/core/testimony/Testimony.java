package eu.borderviolence.registry.core.testimony;

import eu.borderviolence.registry.core.api.EraseWitnessDataCommand;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.RecordTestimonyCommand;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.core.api.WitnessDataErasedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One witness's account of one incident. It holds the witness's personal data, which is why it is an aggregate of
 * its own: incident events carry facts, testimony events carry the person. The data is sealed with a key of its
 * own before it is stored, and erased by destroying that key.
 */
class Testimony {

    @AggregateIdentifier
    private TestimonyId testimonyId;
    private IncidentId incidentId;
    private boolean witnessErased;

    protected Testimony() {
        // for Axon, which rebuilds the testimony from its events
    }

    @CommandHandler
    Testimony(RecordTestimonyCommand command, WitnessVault vault) {
        apply(new TestimonyRecordedEvent(command.testimonyId(), command.incidentId(), command.circumstances(),
                command.reportedFacts(), vault.seal(command.testimonyId(), command.witness()),
                command.recordedBy()));
    }

    @CommandHandler
    void handle(EraseWitnessDataCommand command, WitnessVault vault) {
        if (witnessErased) {
            throw new RefusedException("the witness's data of this testimony was erased already");
        }
        vault.destroy(testimonyId);
        apply(new WitnessDataErasedEvent(testimonyId, command.reason(), command.erasedBy()));
    }

    @EventSourcingHandler
    void on(TestimonyRecordedEvent event) {
        testimonyId = event.testimonyId();
        incidentId = event.incidentId();
    }

    @EventSourcingHandler
    void on(WitnessDataErasedEvent event) {
        witnessErased = true;
    }
}
