package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.CaseHistory;
import eu.borderviolence.registry.core.api.CaseHistoryEntry;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.projections.BatchStatements;
import eu.borderviolence.registry.projections.ProcessorBatch;
import eu.borderviolence.registry.projections.ViewServing;
import eu.borderviolence.registry.projections.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static eu.borderviolence.registry.core.api.RegistryMetaData.CORRELATION_ID;
import static eu.borderviolence.registry.core.api.RegistryMetaData.ORGANISATION;
import static eu.borderviolence.registry.core.api.RegistryMetaData.PRINCIPAL;
import static eu.borderviolence.registry.projections.BatchStatements.placeholders;

/**
 * The case history view: every incident event as an entry with its time, author, position in the event stream and
 * an English summary, for lawyers building a complaint. A survivor's history includes the entries of every duplicate
 * merged into it, however many merges deep.
 *
 * <p>The testimony's own event is deliberately not handled: it carries the witness's personal data, and the
 * incident's {@link TestimonyAttachedEvent} stands for it here.
 *
 * <p>The handlers take the event's {@link TrackingToken} for its global position, so they run only in a streaming
 * processor (Axon does not call them from a subscribing one). A null token, as in unit tests, gives position -1.
 */
@Component
@ProcessingGroup(CaseHistoryProjection.PROCESSING_GROUP)
public class CaseHistoryProjection implements ViewTables.Owner {

    public static final String PROCESSING_GROUP = "case-history";

    /** The entries and the merges between incidents. */
    static final ViewTables TABLES = new ViewTables(PROCESSING_GROUP, List.of("case_history_entry",
            "case_history_merge"));

    /** The unit of work's resource: the batch's entries, written as it commits. */
    private static final String PENDING = CaseHistoryProjection.class.getName() + ".pending";

    /**
     * Stores an entry, or overwrites its own row when its event was stored before. Standard SQL, run alike by H2
     * and PostgreSQL. The one-row source is joined on the whole primary key, so the database finds the row by its
     * key whatever statistics it has of the table; a batch's read of its incidents' stored keys instead scanned the
     * whole table on a PostgreSQL that had never analyzed it (docs/benchmarks.md).
     */
    private static final String MERGE_ENTRY = """
            merge into case_history_entry t
            using (select cast(? as uuid) incident_id, cast(? as bigint) sequence_number,
                          cast(? as bigint) global_position, cast(? as timestamp(6) with time zone) recorded_at,
                          cast(? as varchar(100)) event_type, cast(? as varchar(200)) author,
                          cast(? as varchar(200)) organisation, cast(? as varchar(255)) correlation_id,
                          cast(? as varchar(4000)) summary) s
            on t.incident_id = s.incident_id and t.sequence_number = s.sequence_number
            when matched then update set global_position = s.global_position, recorded_at = s.recorded_at,
                event_type = s.event_type, author = s.author, organisation = s.organisation,
                correlation_id = s.correlation_id, summary = s.summary
            when not matched then insert (%s)
                values (s.incident_id, s.sequence_number, s.global_position, s.recorded_at, s.event_type, s.author,
                        s.organisation, s.correlation_id, s.summary)""".formatted(HistoryEntry.COLUMNS);

    private final MergeLinkRepository merges;
    private final JdbcTemplate jdbc;
    /**
     * An incident's own entries in the order their events were stored, each with whether any incident was merged into
     * it and whether the view is being rebuilt: one statement, so one reading of the tables and of the rebuilds, and
     * all a read needs for an incident never merged into.
     */
    private final String ownEntries;
    /** The entries of some incidents in stored order, with whether the view is being rebuilt; {@code in} takes them. */
    private final String entriesIn;
    /** Whether the view is being rebuilt, for a read that found no entries. */
    private final String rebuilding;

    CaseHistoryProjection(MergeLinkRepository merges, JdbcTemplate jdbc, ViewServing serving) {
        this.merges = merges;
        this.jdbc = jdbc;
        this.ownEntries = "select " + HistoryEntry.COLUMNS + ", (select count(*) from case_history_merge where "
                + "survivor_id = ?), " + serving.rebuildingSql() + " from case_history_entry where incident_id = ? "
                + "order by global_position, sequence_number";
        this.entriesIn = "select " + HistoryEntry.COLUMNS + ", 0, " + serving.rebuildingSql()
                + " from case_history_entry where incident_id in (%s) order by global_position, sequence_number, "
                + "incident_id";
        this.rebuilding = "select " + serving.rebuildingSql();
    }

    @EventHandler
    void on(IncidentReportedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.reportedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
    }

    @EventHandler
    void on(TestimonyAttachedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.recordedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
    }

    @EventHandler
    void on(IncidentFactsCorrectedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.correctedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
    }

    @EventHandler
    void on(IncidentCorroboratedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.corroboratedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
    }

    @EventHandler
    void on(IncidentMergedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.mergedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
    }

    /** The survivor's half of a merge also links the duplicate's history into the survivor's. */
    @EventHandler
    void on(DuplicateIncidentAbsorbedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.mergedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
        merges.save(new MergeLink(event.incidentId(), event.duplicateId()));
    }

    @EventHandler
    void on(IncidentRetractedEvent event, @SequenceNumber long sequenceNumber, TrackingToken token,
            @Timestamp Instant at, @MetaDataValue(PRINCIPAL) String principal,
            @MetaDataValue(ORGANISATION) String organisation, @MetaDataValue(CORRELATION_ID) String correlationId) {
        record(event.incidentId(), event, HistorySummaries.of(event), event.retractedBy(),
                new Provenance(sequenceNumber, token, at, principal, organisation, correlationId));
    }

    @ResetHandler
    void reset() {
        TABLES.empty(jdbc);
    }

    @Override
    public ViewTables tables() {
        return TABLES;
    }

    /**
     * The incident's history with its merged duplicates'. Read with plain JDBC: the lawyers' most frequent read, where
     * Hibernate's query and entity handling had taken more of the request threads' time than the database driver. An
     * incident never merged into, as most are, is read in one statement, which also asks whether the view is being
     * rebuilt ({@link ViewServing}); one that was is read again with its duplicates, found by following the merges
     * (docs/benchmarks.md).
     *
     * @throws ViewServing.Rebuilding if the view is being rebuilt, so its tables may be empty or half filled
     */
    public Optional<CaseHistory> find(IncidentId incidentId) {
        UUID incident = incidentId.value();
        List<Row> rows = jdbc.query(ownEntries, CaseHistoryProjection::row, incident, PROCESSING_GROUP, incident);
        if (rows.stream().anyMatch(Row::absorbed)) {
            Set<UUID> incidents = withMergedDuplicates(incidentId);
            List<Object> arguments = new ArrayList<>(List.of(PROCESSING_GROUP));
            arguments.addAll(incidents);
            rows = jdbc.query(entriesIn.formatted(placeholders(incidents.size())), CaseHistoryProjection::row,
                    arguments.toArray());
        }
        boolean rebuilt = rows.isEmpty()
                ? jdbc.queryForObject(rebuilding, Long.class, PROCESSING_GROUP) > 0
                : rows.stream().anyMatch(Row::rebuilding);
        if (rebuilt) {
            throw new ViewServing.Rebuilding(PROCESSING_GROUP);
        }
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new CaseHistory(incidentId, rows.stream().map(Row::entry).toList()));
    }

    /** An entry as read, with whether incidents were merged into its own and whether the view was being rebuilt. */
    private record Row(CaseHistoryEntry entry, boolean absorbed, boolean rebuilding) {
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(HistoryEntry.read(rs, row), rs.getLong(10) > 0, rs.getLong(11) > 0);
    }

    /** The incident and every incident merged into it, directly or through other merges. */
    private Set<UUID> withMergedDuplicates(IncidentId incidentId) {
        Set<UUID> all = new LinkedHashSet<>();
        Set<UUID> frontier = Set.of(incidentId.value());
        while (!frontier.isEmpty()) {
            all.addAll(frontier);
            Set<UUID> next = new LinkedHashSet<>(jdbc.queryForList("select duplicate_id from case_history_merge "
                    + "where survivor_id in (" + placeholders(frontier.size()) + ")", UUID.class,
                    frontier.toArray()));
            next.removeAll(all);
            frontier = next;
        }
        return all;
    }

    /**
     * Within a processor's batch, the batch's entries are written together as it commits, in JDBC batches of one
     * statement per entry, without reading anything first; outside a batch (tests) the entry is written at once.
     */
    private void record(IncidentId incidentId, Object event, String summary, Actor actor, Provenance provenance) {
        HistoryEntry entry = new HistoryEntry(incidentId, provenance.sequenceNumber(), provenance.globalPosition(),
                provenance.at(), eventType(event), provenance.principalOr(actor), provenance.organisationOr(actor),
                provenance.correlationId(), summary);
        ProcessorBatch.writeAtCommit(PENDING, entry,
                batch -> BatchStatements.batch(jdbc, MERGE_ENTRY, batch.stream().map(HistoryEntry::row).toList()));
    }

    /** {@code IncidentFactsCorrectedEvent} → {@code IncidentFactsCorrected}. */
    private static String eventType(Object event) {
        String name = event.getClass().getSimpleName();
        return name.endsWith("Event") ? name.substring(0, name.length() - "Event".length()) : name;
    }

    /** Where, when and by whom an event was stored, from its message rather than its payload. */
    private record Provenance(long sequenceNumber, TrackingToken token, Instant at, String principal,
                              String organisation, String correlationId) {

        long globalPosition() {
            return token == null ? -1 : token.position().orElse(-1);
        }

        /** The metadata names who sent the command; the payload's actor stands in for events stored without it. */
        String principalOr(Actor actor) {
            return principal != null ? principal : actor.principal();
        }

        String organisationOr(Actor actor) {
            return organisation != null ? organisation : actor.organisation();
        }
    }
}
