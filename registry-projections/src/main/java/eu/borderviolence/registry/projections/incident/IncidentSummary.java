package eu.borderviolence.registry.projections.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import eu.borderviolence.registry.projections.FilterArrays;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static eu.borderviolence.registry.projections.BatchStatements.utc;

/**
 * One incident as it stands now. The columns the list filters on are copied out of the facts; the facts themselves,
 * the testimony ids and the merged duplicates are JSON, read back whole for the view. The countries and border legs
 * are array columns ({@link FilterArrays}, V20), for the filters only.
 *
 * <p>{@code version} is the sequence number of the latest event applied: an event at or below it was applied before
 * and is ignored, which makes every change idempotent under redelivery and replay.
 *
 * <p>JPA only reads it, for the queries ({@code @Immutable}); the projection reads and writes its rows per batch with
 * JDBC ({@link SummaryChanges}, through {@link #read} and {@link #row}), since Hibernate's loading, snapshots and
 * dirty checking of every changed incident were the largest part of the view's rebuild (docs/benchmarks.md).
 */
@Entity
@Immutable
@Table(name = "incident_summary")
class IncidentSummary {

    static final String REPORTED_AT = "reportedAt";
    static final String ID = "id";
    static final String STATUS = "status";
    static final String KIND = "kind";
    static final String DATE_EARLIEST = "dateEarliest";
    static final String DATE_LATEST = "dateLatest";
    static final String COUNTRIES = "countries";
    static final String BORDER_LEGS = "borderLegs";

    /** The columns {@link #read} reads, in its order. */
    static final List<String> COLUMNS = List.of("incident_id", "version", "status", "kind", "place_country",
            "date_earliest", "date_latest", "merged_into", "reported_by_principal", "reported_by_organisation",
            "reported_at", "last_changed_at", "retraction_reason", "facts_json", "testimony_ids_json",
            "merged_duplicate_ids_json");

    /** The columns {@link #row} gives, in its order: those read, then the filters' arrays, made from the facts. */
    static final List<String> WRITTEN_COLUMNS = Stream.concat(COLUMNS.stream(), Stream.of("countries", "border_legs"))
            .toList();

    @Id
    @Column(name = "incident_id", nullable = false)
    private UUID id;

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

    @Column(name = "merged_into")
    private UUID mergedInto;

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

    // For the list's filters only: written from the facts with the row (SummaryChanges), never read for a view.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "countries", length = 2, nullable = false)
    private String[] countries;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "border_legs", length = 5, nullable = false)
    private String[] borderLegs;

    /** Whether the row was in the table when the projection read it: written back by an update, not an insert. */
    @Transient
    private boolean stored;

    /** The facts' JSON as read, until the facts change: written back as it was, not made again. */
    @Transient
    private String storedFactsJson;

    protected IncidentSummary() {
        // for JPA
    }

    UUID id() {
        return id;
    }

    static IncidentSummary reported(IncidentId incidentId, IncidentFacts facts, Actor reportedBy, long version,
                                    Instant at) {
        IncidentSummary summary = new IncidentSummary();
        summary.id = incidentId.value();
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
        storedFactsJson = null;
        changed(version, at);
    }

    private void mergeInto(IncidentId survivor, long version, Instant at) {
        status = IncidentStatus.MERGED;
        mergedInto = survivor.value();
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
        return new IncidentView(new IncidentId(id), version, status,
                mergedInto == null ? null : new IncidentId(mergedInto), mergedDuplicates, facts, testimonies,
                new Actor(reportedByPrincipal, reportedByOrganisation),
                reportedAt, lastChangedAt, retractionReason);
    }

    /** Takes over the facts and everything the filters derive from them. */
    private void describe(IncidentFacts newFacts) {
        facts = newFacts;
        storedFactsJson = null;
        kind = newFacts.kind();
        placeCountry = newFacts.place() == null || newFacts.place().country() == null
                ? null : newFacts.place().country().code();
        dateEarliest = newFacts.date() == null ? null : newFacts.date().earliest();
        dateLatest = newFacts.date() == null ? null : newFacts.date().latest();
    }

    /** The summary as stored in the current row of {@code rows}, read as {@link #COLUMNS} lists them. */
    static IncidentSummary read(ResultSet rows, JsonColumns json) throws SQLException {
        IncidentSummary summary = new IncidentSummary();
        summary.id = rows.getObject(1, UUID.class);
        summary.version = rows.getLong(2);
        summary.status = IncidentStatus.valueOf(rows.getString(3));
        summary.kind = IncidentKind.valueOf(rows.getString(4));
        summary.placeCountry = rows.getString(5);
        summary.dateEarliest = rows.getObject(6, LocalDate.class);
        summary.dateLatest = rows.getObject(7, LocalDate.class);
        summary.mergedInto = rows.getObject(8, UUID.class);
        summary.reportedByPrincipal = rows.getString(9);
        summary.reportedByOrganisation = rows.getString(10);
        summary.reportedAt = rows.getObject(11, OffsetDateTime.class).toInstant();
        summary.lastChangedAt = rows.getObject(12, OffsetDateTime.class).toInstant();
        summary.retractionReason = rows.getString(13);
        summary.storedFactsJson = rows.getString(14);
        summary.facts = json.facts().convertToEntityAttribute(summary.storedFactsJson);
        summary.testimonies = json.testimonies().convertToEntityAttribute(rows.getString(15));
        summary.mergedDuplicates = json.incidents().convertToEntityAttribute(rows.getString(16));
        summary.stored = true;
        return summary;
    }

    /** The values of the summary's row, in the order of {@link #WRITTEN_COLUMNS}; null values typed for the driver. */
    Object[] row(JsonColumns json) {
        return new Object[]{id, version, status.name(), kind.name(), nullable(Types.VARCHAR, placeCountry),
                nullable(Types.DATE, dateEarliest), nullable(Types.DATE, dateLatest),
                mergedInto != null ? mergedInto : nullable(Types.OTHER, null), reportedByPrincipal,
                reportedByOrganisation, utc(reportedAt), utc(lastChangedAt), nullable(Types.VARCHAR, retractionReason),
                storedFactsJson != null ? storedFactsJson : json.facts().convertToDatabaseColumn(facts),
                json.testimonies().convertToDatabaseColumn(testimonies),
                json.incidents().convertToDatabaseColumn(mergedDuplicates), FilterArrays.countries(facts),
                FilterArrays.borderLegs(facts)};
    }

    boolean stored() {
        return stored;
    }

    private static SqlParameterValue nullable(int sqlType, Object value) {
        return new SqlParameterValue(sqlType, value);
    }

    /** The projection's converters of the JSON columns, of the same classes Hibernate reads them with. */
    record JsonColumns(IncidentFactsJson facts, TestimonyIdsJson testimonies, IncidentIdsJson incidents) {

        JsonColumns(ObjectMapper json) {
            this(new IncidentFactsJson(json), new TestimonyIdsJson(json), new IncidentIdsJson(json));
        }
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
