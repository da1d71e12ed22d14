package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.projections.InsertedWithoutReading;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One incident as it stands now. The columns the list filters on are copied out of the facts; the facts themselves,
 * the testimony ids and the merged duplicates are JSON, read back whole for the view. The countries and border legs
 * live in child tables, used only in filters, so loading a page never touches them.
 *
 * <p>{@code version} is the sequence number of the latest event applied: an event at or below it was applied before
 * and is ignored, which makes every change idempotent under redelivery and replay.
 */
@Entity
@Table(name = "incident_summary")
class IncidentSummary extends InsertedWithoutReading<String> {

    static final String REPORTED_AT = "reportedAt";
    static final String ID = "id";
    static final String STATUS = "status";
    static final String KIND = "kind";
    static final String DATE_EARLIEST = "dateEarliest";
    static final String DATE_LATEST = "dateLatest";
    static final String COUNTRIES = "countries";
    static final String LEGS = "legs";

    @Id
    @Column(name = "incident_id", length = 36, nullable = false)
    private String id;

    @Column(name = "version", nullable = false)
    private long version;

    // Plain VARCHAR as in the migration; Hibernate would otherwise declare an H2 ENUM column when it creates tables.
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", length = 20, nullable = false)
    private IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", length = 30, nullable = false)
    private IncidentKind kind;

    @Column(name = "place_country", length = 2)
    private String placeCountry;

    @Column(name = "date_earliest")
    private LocalDate dateEarliest;

    @Column(name = "date_latest")
    private LocalDate dateLatest;

    @Column(name = "merged_into", length = 36)
    private String mergedInto;

    @Column(name = "reported_by_principal", length = 200, nullable = false)
    private String reportedByPrincipal;

    @Column(name = "reported_by_organisation", length = 200, nullable = false)
    private String reportedByOrganisation;

    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;

    @Column(name = "last_changed_at", nullable = false)
    private Instant lastChangedAt;

    @Column(name = "retraction_reason", length = 2000)
    private String retractionReason;

    @Convert(converter = IncidentFactsJson.class)
    @Column(name = "facts_json", length = 100_000, nullable = false)
    private IncidentFacts facts;

    @Convert(converter = TestimonyIdsJson.class)
    @Column(name = "testimony_ids_json", length = 100_000, nullable = false)
    private List<TestimonyId> testimonies;

    @Convert(converter = IncidentIdsJson.class)
    @Column(name = "merged_duplicate_ids_json", length = 100_000, nullable = false)
    private List<IncidentId> mergedDuplicates;

    @ElementCollection
    @CollectionTable(name = "incident_summary_country", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "country_code", length = 2, nullable = false)
    private Set<String> countries = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "incident_summary_leg", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "leg_position", nullable = false)
    private List<RouteLeg> legs = new ArrayList<>();

    protected IncidentSummary() {
        // for JPA
    }

    @Override
    public String getId() {
        return id;
    }

    static IncidentSummary reported(IncidentId incidentId, IncidentFacts facts, Actor reportedBy, long version,
                                    Instant at) {
        IncidentSummary summary = new IncidentSummary();
        summary.id = incidentId.toString();
        summary.markNew();
        summary.status = IncidentStatus.ACTIVE;
        summary.reportedByPrincipal = reportedBy.principal();
        summary.reportedByOrganisation = reportedBy.organisation();
        summary.reportedAt = at;
        summary.testimonies = List.of();
        summary.mergedDuplicates = List.of();
        summary.describe(facts);
        summary.changed(version, at);
        return summary;
    }

    /**
     * Applies an incident event that follows the report, the one way both the view and the reconstruction of an
     * incident at a past moment ({@link IncidentAsOf}) change a summary. Other payloads leave it as it is.
     */
    void apply(Object event, long version, Instant at) {
        if (event instanceof TestimonyAttachedEvent attached) {
            attachTestimony(attached.testimonyId(), version, at);
        } else if (event instanceof IncidentFactsCorrectedEvent corrected) {
            correct(corrected.facts(), version, at);
        } else if (event instanceof IncidentCorroboratedEvent corroborated) {
            corroborate(corroborated.confidence(), version, at);
        } else if (event instanceof IncidentMergedEvent merged) {
            mergeInto(merged.survivorId(), version, at);
        } else if (event instanceof DuplicateIncidentAbsorbedEvent absorbed) {
            absorbDuplicate(absorbed.duplicateId(), absorbed.testimonies(), version, at);
        } else if (event instanceof IncidentRetractedEvent retracted) {
            retract(retracted.reason(), version, at);
        }
    }

    /** True when the event with this sequence number is not yet reflected here. */
    boolean notYetApplied(long sequenceNumber) {
        return sequenceNumber > version;
    }

    private void attachTestimony(TestimonyId testimonyId, long version, Instant at) {
        testimonies = appended(testimonies, List.of(testimonyId));
        changed(version, at);
    }

    private void correct(IncidentFacts correctedFacts, long version, Instant at) {
        describe(correctedFacts);
        changed(version, at);
    }

    private void corroborate(ConfidenceStatus confidence, long version, Instant at) {
        facts = facts.withConfidence(confidence);
        changed(version, at);
    }

    private void mergeInto(IncidentId survivor, long version, Instant at) {
        status = IncidentStatus.MERGED;
        mergedInto = survivor.toString();
        changed(version, at);
    }

    private void absorbDuplicate(IncidentId duplicate, List<TestimonyId> takenOver, long version, Instant at) {
        mergedDuplicates = appended(mergedDuplicates, List.of(duplicate));
        testimonies = appended(testimonies, takenOver);
        changed(version, at);
    }

    private void retract(String reason, long version, Instant at) {
        status = IncidentStatus.RETRACTED;
        retractionReason = reason;
        changed(version, at);
    }

    IncidentView toView() {
        return new IncidentView(IncidentId.of(id), version, status,
                mergedInto == null ? null : IncidentId.of(mergedInto), mergedDuplicates, facts, testimonies, new Actor(reportedByPrincipal, reportedByOrganisation),
                reportedAt, lastChangedAt, retractionReason);
    }

    /** Takes over the facts and everything the filters derive from them; the child rows are replaced, not merged. */
    private void describe(IncidentFacts newFacts) {
        facts = newFacts;
        kind = newFacts.kind();
        placeCountry = newFacts.place() == null || newFacts.place().country() == null
                ? null : newFacts.place().country().code();
        dateEarliest = newFacts.date() == null ? null : newFacts.date().earliest();
        dateLatest = newFacts.date() == null ? null : newFacts.date().latest();
        countries.clear();
        newFacts.countries().forEach(country -> countries.add(country.code()));
        legs.clear();
        newFacts.borderLegs().forEach(leg -> legs.add(new RouteLeg(leg)));
    }

    private void changed(long newVersion, Instant at) {
        version = newVersion;
        lastChangedAt = at;
    }

    /** The list with the new values appended, each at most once; a new list, since the JSON columns are immutable. */
    private static <T> List<T> appended(List<T> existing, List<T> added) {
        return List.copyOf(new LinkedHashSet<>(Stream.concat(existing.stream(), added.stream()).toList()));
    }
}
