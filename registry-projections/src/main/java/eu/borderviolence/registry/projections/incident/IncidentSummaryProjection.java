package eu.borderviolence.registry.projections.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import eu.borderviolence.registry.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The incident summary view: one row per incident with its current facts, status and testimonies, for reading one
 * incident and for filtered lists. Each event changes only the row of its own incident, so the processor may handle
 * incidents in parallel segments. Witness personal data never reaches it: it does not handle testimony events.
 */
@Component
@ProcessingGroup(IncidentSummaryProjection.PROCESSING_GROUP)
public class IncidentSummaryProjection implements ViewTables.Owner {

    public static final String PROCESSING_GROUP = "incident-summary";

    /** The summaries, their countries and border legs in array columns (V20). */
    static final ViewTables TABLES = new ViewTables(PROCESSING_GROUP, List.of("incident_summary"));

    /**
     * Newest first. Every list selects one status, so sorting by it first changes no order; it lets H2 read the page
     * straight from the index on (status, reported_at desc, incident_id). Without it H2 read and sorted every
     * incident of the status for each page: at a million events a quarter of a million rows per request, and under
     * 32 clients in 512 MB a 99th percentile of 202 s (docs/benchmarks.md).
     */
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.asc(IncidentSummary.STATUS),
            Sort.Order.desc(IncidentSummary.REPORTED_AT), Sort.Order.asc(IncidentSummary.ID));

    /** The unit of work's resource: the batch's changes, written as it commits. */
    private static final String PENDING = IncidentSummaryProjection.class.getName() + ".pending";

    private final IncidentSummaryRepository summaries;
    private final JdbcTemplate jdbc;
    private final IncidentSummary.JsonColumns json;

    IncidentSummaryProjection(IncidentSummaryRepository summaries, JdbcTemplate jdbc, ObjectMapper json) {
        this.summaries = summaries;
        this.jdbc = jdbc;
        this.json = new IncidentSummary.JsonColumns(json);
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        change(event.incidentId(), event, sequenceNumber, at);
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

    /** Empties the table in the reset's transaction, as {@link ViewTables} says for each database. */
    @ResetHandler
    void reset() {
        TABLES.empty(jdbc);
    }

    @Override
    public ViewTables tables() {
        return TABLES;
    }

    @QueryHandler
    public Optional<IncidentView> find(FindIncidentQuery query) {
        return summaries.findById(query.incidentId().value()).map(IncidentSummary::toView);
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

    /**
     * Within a processor's batch, the event is applied with the batch's others as the batch commits, each incident
     * read and written once (SummaryChanges); outside a batch (tests) it is applied and written at once.
     */
    private void change(IncidentId incidentId, Object event, long sequenceNumber, Instant at) {
        ProcessorBatch.writeAtCommit(PENDING, new SummaryChanges.Change(incidentId, event, sequenceNumber, at),
                changes -> SummaryChanges.write(changes, jdbc, json));
    }
}
