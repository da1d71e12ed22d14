package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.CountIncidentsQuery;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.ListIncidentsQuery;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.projections.ProcessorBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The incident summary view: one row per incident with its current facts, status and testimonies, for reading one
 * incident and for filtered lists. Each event changes only the row of its own incident, so the processor may handle
 * incidents in parallel segments. Witness personal data never reaches it: it does not handle testimony events.
 */
@Component
@ProcessingGroup(IncidentSummaryProjection.PROCESSING_GROUP)
public class IncidentSummaryProjection {

    public static final String PROCESSING_GROUP = "incident-summary";

    /**
     * Newest first. Every list selects one status, so sorting by it first changes no order; it lets H2 read the page
     * straight from the index on (status, reported_at desc, incident_id). Without it H2 read and sorted every
     * incident of the status for each page: at a million events a quarter of a million rows per request, and under
     * 32 clients in 512 MB a 99th percentile of 202 s (docs/benchmarks.md).
     */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.asc(IncidentSummary.STATUS),
            Sort.Order.desc(IncidentSummary.REPORTED_AT), Sort.Order.asc(IncidentSummary.ID));

    /** The unit of work's resource: the incidents of the batch that had no summary when it began. */
    private static final String NOT_STORED = IncidentSummaryProjection.class.getName() + ".notStored";

    private final IncidentSummaryRepository summaries;

    IncidentSummaryProjection(IncidentSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        String id = event.incidentId().toString();
        // findById, not existsById: a query would make Hibernate flush the whole batch's changes before it, for
        // every report in the batch; a lookup by id asks the batch's own entities first (docs/benchmarks.md).
        if (notStoredBeforeTheBatch().map(absent -> absent.remove(id)).orElse(false)
                || summaries.findById(id).isEmpty()) {
            summaries.save(IncidentSummary.reported(event.incidentId(), event.facts(), event.reportedBy(),
                    sequenceNumber, at));
        }
    }

    @EventHandler
    void on(TestimonyAttachedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentFactsCorrectedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentCorroboratedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentMergedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
    }

    @EventHandler
    void on(DuplicateIncidentAbsorbedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
    }

    @EventHandler
    void on(IncidentRetractedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
    }

    @ResetHandler
    void reset() {
        summaries.deleteAllInBatch();
    }

    @QueryHandler
    public Optional<IncidentView> find(FindIncidentQuery query) {
        return summaries.findById(query.incidentId().toString()).map(IncidentSummary::toView);
    }

    /** A page's incidents, read from the index without counting the others (a slice, not a page). */
    @QueryHandler
    public List<IncidentView> list(ListIncidentsQuery query) {
        return summaries.findBy(IncidentSummaryFilters.matching(query.filter()), incidents -> incidents
                        .slice(PageRequest.of(query.page(), query.size(), NEWEST_FIRST)))
                .getContent().stream().map(IncidentSummary::toView).toList();
    }

    /**
     * How many incidents match the filter. Reads every matching entry of an index: at a million events a quarter of
     * a million, so the API keeps the answer while the view is unchanged (api.views.ViewAnswers).
     */
    @QueryHandler
    public Long count(CountIncidentsQuery query) {
        return summaries.count(IncidentSummaryFilters.matching(query.filter()));
    }

    /** Applies an event to its incident's row unless the row already reflects it (redelivery, replay). */
    private void change(IncidentId incidentId, Object event, long sequenceNumber, Instant at) {
        String id = incidentId.toString();
        if (notStoredBeforeTheBatch().map(absent -> absent.contains(id)).orElse(false)) {
            return; // no row to change, as findById would find
        }
        summaries.findById(id)
                .filter(summary -> summary.notYetApplied(sequenceNumber))
                .ifPresent(summary -> {
                    summary.apply(event, sequenceNumber, at);
                    summaries.save(summary);
                });
    }

    /**
     * Loads the summaries of every incident in the processor's batch with one query when the batch's first event
     * comes, so that each event's lookup finds its summary among the batch's entities instead of reading it from
     * the database; and answers which of the batch's incidents have no summary yet (their reports are in the batch,
     * or they are not kept), so that a report need not look first either. Empty outside a batch.
     */
    private Optional<Set<String>> notStoredBeforeTheBatch() {
        return ProcessorBatch.once(NOT_STORED, batch -> {
            Set<String> absent = new HashSet<>(ProcessorBatch.aggregates(batch));
            summaries.findAllById(absent).forEach(summary -> absent.remove(summary.getId()));
            return absent;
        });
    }
}
