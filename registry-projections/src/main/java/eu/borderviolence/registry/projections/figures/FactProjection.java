package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentStatus;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * Keeps one view's {@link FactTables} current. A subclass names its processing group and says which incidents it
 * counts; the handlers here apply every incident event to the incident's rows only, so the processor may handle
 * incidents in parallel segments, and each handler is idempotent under redelivery and replay.
 *
 * <p>A corrected incident is stored anew with its corrected facts, so a corrected border leg moves the incident from
 * one border to the other; a merged incident stays stored with status MERGED and is never counted (its survivor is);
 * a retracted one is counted only on request.
 */
public abstract class FactProjection {

    protected final FactTables tables;

    protected FactProjection(FactTables tables) {
        this.tables = tables;
    }

    /** Whether this view counts an incident with these facts at all; others are not stored. */
    protected abstract boolean counts(IncidentFacts facts);

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.keep(event.incidentId(), event.facts(), counts(event.facts()), sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentFactsCorrectedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        tables.keep(event.incidentId(), event.facts(), counts(event.facts()), sequenceNumber, at);
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
}
