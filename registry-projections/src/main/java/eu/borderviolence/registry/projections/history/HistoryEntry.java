package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.CaseHistoryEntry;
import eu.borderviolence.registry.core.api.IncidentId;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import static eu.borderviolence.registry.projections.BatchStatements.utc;

/**
 * One event of an incident, told for people. Keyed by incident and sequence number, so a redelivered or replayed
 * event overwrites its own row instead of adding a second one. Written once per event and never changed, and read
 * back, with JDBC ({@link #COLUMNS}, {@link #row()}, {@link #read}).
 */
final class HistoryEntry {

    /** The columns of {@link #row()} and {@link #read}, in their order. */
    static final String COLUMNS = "incident_id, sequence_number, global_position, recorded_at, event_type, author, "
            + "organisation, correlation_id, summary";

    static final int SUMMARY_LENGTH = 4000;
    private static final int ACTOR_LENGTH = 200;
    private static final int CORRELATION_ID_LENGTH = 255;

    private final UUID incidentId;
    private final long sequenceNumber;
    private final long globalPosition;
    private final Instant recordedAt;
    private final String eventType;
    private final String author;
    private final String organisation;
    private final String correlationId;
    private final String summary;

    HistoryEntry(IncidentId incidentId, long sequenceNumber, long globalPosition, Instant recordedAt,
                 String eventType, String author, String organisation, String correlationId, String summary) {
        this.incidentId = incidentId.value();
        this.sequenceNumber = sequenceNumber;
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
        return new Object[]{incidentId, sequenceNumber, globalPosition, utc(recordedAt),
                eventType, author, organisation, new SqlParameterValue(Types.VARCHAR, correlationId), summary};
    }

    /** The entry in a row of {@link #COLUMNS}, as the case history tells it. */
    static CaseHistoryEntry read(ResultSet rs, int row) throws SQLException {
        return new CaseHistoryEntry(new IncidentId(rs.getObject(1, UUID.class)), rs.getLong(2), rs.getLong(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(9), rs.getString(8));
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
}
