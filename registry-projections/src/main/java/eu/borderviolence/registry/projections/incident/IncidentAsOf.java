package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.FindIncidentAsOfQuery;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * An incident as it was known at a past moment, for lawyers who must show what the registry said when, and for
 * auditors. It reads the incident's own events from the event store, up to the moment, and folds them into a summary
 * exactly as the incident-summary view does, without storing anything: the past state and the current view cannot
 * follow different rules.
 */
@Component
public class IncidentAsOf {

    private final EventStore eventStore;

    IncidentAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public Optional<IncidentView> find(FindIncidentAsOfQuery query) {
        // From the first event, never from a snapshot: a snapshot holds the state at its own time, not at asOf.
        DomainEventStream events = eventStore.readEvents(query.incidentId().toString(), 0);
        IncidentSummary summary = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(query.asOf())) {
                break;
            }
            if (event.getPayload() instanceof IncidentReportedEvent reported) {
                summary = IncidentSummary.reported(reported.incidentId(), reported.facts(), reported.reportedBy(),
                        event.getSequenceNumber(), event.getTimestamp());
            } else if (summary != null) {
                summary.apply(event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            }
        }
        return Optional.ofNullable(summary).map(IncidentSummary::toView);
    }
}
