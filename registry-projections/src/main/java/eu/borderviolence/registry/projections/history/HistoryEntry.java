package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.CaseHistoryEntry;
import eu.borderviolence.registry.core.api.IncidentId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.springframework.jdbc.core.SqlParameterValue;

import java.io.Serializable;
import java.sql.Types;
import java.time.Instant;
import java.util.Objects;

import static eu.borderviolence.registry.projections.BatchStatements.utc;

/**
 * One event of an incident, told for people. Keyed by incident and sequence number, so a redelivered or replayed
 * event overwrites its own row instead of adding a second one. Written once per event and never changed: the
 * projection writes it with JDBC ({@link #COLUMNS}, {@link #row()}), JPA only reads it.
 */
@Entity
@Table(name = "case_history_entry")
class HistoryEntry {

    /** The columns of {@link #row()}, in its order. */
    static final String COLUMNS = "incident_id, sequence_number, global_position, recorded_at, event_type, author, "
            + "organisation, correlation_id, summary";

    static final int SUMMARY_LENGTH = 4000;
    private static final int ACTOR_LENGTH = 200;
    private static final int CORRELATION_ID_LENGTH = 255;

    @EmbeddedId
    private Key key;

    @Column(name = "global_position", nullable = false)
    private long globalPosition;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "event_type", length = 100, nullable = false)
    private String eventType;

    @Column(name = "author", length = ACTOR_LENGTH, nullable = false)
    private String author;

    @Column(name = "organisation", length = ACTOR_LENGTH, nullable = false)
    private String organisation;

    @Column(name = "correlation_id", length = CORRELATION_ID_LENGTH)
    private String correlationId;

    @Column(name = "summary", length = SUMMARY_LENGTH, nullable = false)
    private String summary;

    protected HistoryEntry() {
        // for JPA
    }

    HistoryEntry(IncidentId incidentId, long sequenceNumber, long globalPosition, Instant recordedAt,
                 String eventType, String author, String organisation, String correlationId, String summary) {
        this.key = new Key(incidentId.toString(), sequenceNumber);
        this.globalPosition = globalPosition;
        this.recordedAt = recordedAt;
        this.eventType = eventType;
        // Metadata comes from outside the events' own validation: clip rather than block the processor on a long value.
        this.author = clip(author, ACTOR_LENGTH);
        this.organisation = clip(organisation, ACTOR_LENGTH);
        this.correlationId = clip(correlationId, CORRELATION_ID_LENGTH);
        this.summary = clip(summary, SUMMARY_LENGTH);
    }

    /** The entry's values in the order of {@link #COLUMNS}. */
    Object[] row() {
        return new Object[]{key.incidentId, key.sequenceNumber, globalPosition, utc(recordedAt),
                eventType, author, organisation, new SqlParameterValue(Types.VARCHAR, correlationId), summary};
    }

    CaseHistoryEntry toEntry() {
        return new CaseHistoryEntry(IncidentId.of(key.incidentId), key.sequenceNumber, globalPosition, recordedAt,
                eventType, author, organisation, summary, correlationId);
    }

    private static String clip(String value, int length) {
        if (value == null || value.length() <= length) {
            return value;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "incident_id", length = 36, nullable = false)
        private String incidentId;

        @Column(name = "sequence_number", nullable = false)
        private long sequenceNumber;

        protected Key() {
            // for JPA
        }

        Key(String incidentId, long sequenceNumber) {
            this.incidentId = incidentId;
            this.sequenceNumber = sequenceNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && sequenceNumber == that.sequenceNumber
                    && incidentId.equals(that.incidentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, sequenceNumber);
        }
    }
}
