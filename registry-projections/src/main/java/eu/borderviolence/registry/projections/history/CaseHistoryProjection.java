package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.CaseHistory;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.FindCaseHistoryQuery;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.projections.ProcessorBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static eu.borderviolence.registry.core.api.RegistryMetaData.CORRELATION_ID;
import static eu.borderviolence.registry.core.api.RegistryMetaData.ORGANISATION;
import static eu.borderviolence.registry.core.api.RegistryMetaData.PRINCIPAL;

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
public class CaseHistoryProjection {

    public static final String PROCESSING_GROUP = "case-history";

    /** The unit of work's resource: the entries stored for the batch's incidents when it began. */
    private static final String STORED = CaseHistoryProjection.class.getName() + ".stored";

    private final HistoryEntryRepository entries;
    private final MergeLinkRepository merges;

    CaseHistoryProjection(HistoryEntryRepository entries, MergeLinkRepository merges) {
        this.entries = entries;
        this.merges = merges;
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
        entries.deleteAllInBatch();
        merges.deleteAllInBatch();
    }

    @QueryHandler
    public Optional<CaseHistory> find(FindCaseHistoryQuery query) {
        List<HistoryEntry> found = entries.findInStoredOrder(withMergedDuplicates(query.incidentId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CaseHistory(query.incidentId(), found.stream().map(HistoryEntry::toEntry).toList()));
    }

    /** The incident and every incident merged into it, directly or through other merges. */
    private Set<String> withMergedDuplicates(IncidentId incidentId) {
        Set<String> all = new LinkedHashSet<>();
        Set<String> frontier = Set.of(incidentId.toString());
        while (!frontier.isEmpty()) {
            all.addAll(frontier);
            Set<String> next = new LinkedHashSet<>(merges.findDuplicatesOf(frontier));
            next.removeAll(all);
            frontier = next;
        }
        return all;
    }

    /**
     * Saving by key makes a redelivered event overwrite its own entry rather than add another. Within a processor's
     * batch the entries already stored for the batch's incidents are read once, when the batch's first event comes,
     * so that an entry not stored yet is inserted without reading its row first.
     */
    private void record(IncidentId incidentId, Object event, String summary, Actor actor, Provenance provenance) {
        HistoryEntry entry = new HistoryEntry(incidentId, provenance.sequenceNumber(), provenance.globalPosition(),
                provenance.at(), eventType(event), provenance.principalOr(actor), provenance.organisationOr(actor),
                provenance.correlationId(), summary);
        boolean notYetStored = ProcessorBatch.once(STORED, batch -> {
            Set<String> incidents = ProcessorBatch.aggregates(batch);
            return new StoredEntries(incidents, Set.copyOf(entries.findKeysOf(incidents)));
        }).map(stored -> stored.notYetStored(entry.getId(), incidentId)).orElse(false);
        entries.save(notYetStored ? entry.notYetStored() : entry);
    }

    /** The entries stored for a batch's incidents when the batch began. */
    private record StoredEntries(Set<String> incidents, Set<HistoryEntry.Key> keys) {

        boolean notYetStored(HistoryEntry.Key key, IncidentId incidentId) {
            return incidents.contains(incidentId.toString()) && !keys.contains(key);
        }
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
