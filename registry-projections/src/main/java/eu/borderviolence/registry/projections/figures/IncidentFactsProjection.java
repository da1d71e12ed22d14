package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the {@link FactTables} current: the facts of every incident, which the six advocacy views count from. One
 * processor for all six, so each incident event is applied once and a rebuild reads the event store once; each view
 * picks the incidents it counts when asked. The handlers apply every incident event to the incident's rows only, so
 * the processor may handle incidents in parallel segments, and each handler is idempotent under redelivery and
 * replay.
 *
 * <p>A corrected incident is stored anew with its corrected facts, so a corrected border leg moves the incident from
 * one border to the other; a merged incident stays stored with status MERGED and is never counted (its survivor is);
 * a retracted one is counted only on request.
 */
@Component
@ProcessingGroup(IncidentFactsProjection.PROCESSING_GROUP)
public class IncidentFactsProjection implements ViewTables.Owner {

    public static final String PROCESSING_GROUP = "incident-facts";

    private final FactTables tables;

    public IncidentFactsProjection(FactTables tables) {
        this.tables = tables;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.keep(event.incidentId(), event.facts(), sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentFactsCorrectedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.keep(event.incidentId(), event.facts(), sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentCorroboratedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.changeConfidence(event.incidentId(), event.confidence(), sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentMergedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.changeStatus(event.incidentId(), IncidentStatus.MERGED, sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentRetractedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.changeStatus(event.incidentId(), IncidentStatus.RETRACTED, sequenceNumber, at);
    }

    @ResetHandler
    void reset() {
        tables.clear();
    }

    @Override
    public ViewTables tables() {
        return FactTables.TABLES;
    }
}
