package eu.borderviolence.registry.projections.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.ViolationCode;
import eu.borderviolence.registry.projections.BatchStatements;
import eu.borderviolence.registry.projections.FilterArrays;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.borderviolence.registry.projections.BatchStatements.batch;
import static eu.borderviolence.registry.projections.BatchStatements.utc;

/**
 * The changes one processor batch makes to the incident facts, written together when the batch commits. The stored
 * rows of every incident the batch touches are read in one statement, the changes applied to them in the order the
 * events came, and each incident changed is written once: the statements of a batch are a handful of JDBC batches
 * instead of up to eight round trips per event (docs/benchmarks.md). A change at or below an incident's version
 * (stored, or reached earlier in the batch) is ignored, exactly as when each event was written on its own.
 */
final class FactChanges {

    /** One event's change to one incident. */
    sealed interface Change permits Keep, NewConfidence, NewStatus {

        UUID incidentId();

        long version();

        Instant at();
    }

    /** The incident's facts as reported or corrected, in place of any it had. */
    record Keep(UUID incidentId, IncidentFacts facts, long version, Instant at) implements Change {
    }

    /** A new confidence status of a kept incident. */
    record NewConfidence(UUID incidentId, ConfidenceStatus confidence, long version, Instant at) implements Change {
    }

    /** A kept incident merged or retracted. */
    record NewStatus(UUID incidentId, IncidentStatus status, long version, Instant at) implements Change {
    }

    /** The row's columns, the key last, in the order {@link #columns} gives their values. */
    private static final List<String> COLUMNS = List.of("status", "confidence", "facts_json", "version", "changed_at",
            "kind", "date_earliest", "group_size", "frontex_or_foreign_officers", "countries", "border_legs",
            "authority_countries", "authorities", "nationalities", "violations", "incident_id");

    private static final String INSERT = "insert into fact_incident (" + String.join(", ", COLUMNS) + ") values ("
            + BatchStatements.placeholders(COLUMNS.size()) + ")";

    private static final String UPDATE = "update fact_incident set "
            + String.join(", ", COLUMNS.subList(0, COLUMNS.size() - 1).stream().map(column -> column + " = ?").toList())
            + " where incident_id = ?";

    private FactChanges() {
    }

    /** Applies the changes, in this order, to the stored rows and writes the incidents that changed. */
    static void write(List<Change> changes, JdbcTemplate jdbc, ObjectMapper json) {
        if (changes.isEmpty()) {
            return;
        }
        Map<UUID, Row> rows = stored(jdbc, changes.stream().map(Change::incidentId).distinct().toList());
        for (Change change : changes) {
            apply(change, rows, json);
        }
        List<Row> added = rows.values().stream().filter(row -> row.changed && !row.wasStored).toList();
        List<Row> updated = rows.values().stream().filter(row -> row.changed && row.wasStored).toList();
        // One row per incident (V19): what the filters select by is written with the facts, in the same statement.
        batch(jdbc, INSERT, columns(added, json));
        batch(jdbc, UPDATE, columns(updated, json));
    }

    private static void apply(Change change, Map<UUID, Row> rows, ObjectMapper json) {
        Row row = rows.get(change.incidentId());
        if (row != null && row.version >= change.version()) {
            return;
        }
        if (change instanceof Keep keep) {
            Row kept = row != null ? row : new Row(keep.incidentId(), false, IncidentStatus.ACTIVE, null);
            kept.facts = keep.facts();
            kept.factsJson = null;
            kept.changedBy(keep);
            rows.put(keep.incidentId(), kept);
        } else if (row == null) {
            return; // the confidence or status of an incident never kept changes nothing
        } else if (change instanceof NewConfidence confidence) {
            row.facts = row.facts(json).withConfidence(confidence.confidence());
            row.factsJson = null;
            row.changedBy(confidence);
        } else if (change instanceof NewStatus status) {
            row.status = status.status();
            row.changedBy(status);
        }
    }

    private static Map<UUID, Row> stored(JdbcTemplate jdbc, List<UUID> incidentIds) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        BatchStatements.forEachOf(jdbc, "select incident_id, version, status, facts_json from fact_incident "
                + "where incident_id in", incidentIds, rs -> {
                    Row row = new Row(rs.getObject(1, UUID.class), true, IncidentStatus.valueOf(rs.getString(3)),
                            rs.getString(4));
                    row.version = rs.getLong(2);
                    rows.put(row.incidentId, row);
                });
        return rows;
    }

    /** The values of each row, in the order of {@link #COLUMNS}. */
    private static List<Object[]> columns(List<Row> rows, ObjectMapper json) {
        List<Object[]> columns = new ArrayList<>(rows.size());
        for (Row row : rows) {
            IncidentFacts facts = row.facts(json);
            columns.add(new Object[]{row.status.name(), name(facts.confidence()), row.factsJson(json), row.version,
                    utc(row.changedAt), facts.kind().name(), facts.date() == null ? null : facts.date().earliest(),
                    facts.people() == null ? null : facts.people().groupSize(),
                    FactTables.frontexOrForeignOfficers(facts),
                    FilterArrays.countries(facts), FilterArrays.borderLegs(facts),
                    FilterArrays.of(facts.authorities().stream().map(a -> a.authority().country().code())),
                    FilterArrays.of(facts.authorities().stream().map(a -> FactTables.authority(a.authority()))),
                    FilterArrays.of(facts.nationalities().stream().map(n -> n.nationality().code())),
                    FilterArrays.of(facts.violations().stream().map(ViolationCode::name)),
                    row.incidentId});
        }
        return columns;
    }

    /** An incident's row as stored before the batch, with the batch's changes applied so far. */
    private static final class Row {

        final UUID incidentId;
        final boolean wasStored;
        IncidentStatus status;
        long version;
        Instant changedAt;
        /** The facts as read from the table, until a change replaces them; parsed only when a change needs them. */
        String factsJson;
        IncidentFacts facts;
        /** Status, confidence or facts changed: the row is written. */
        boolean changed;

        Row(UUID incidentId, boolean wasStored, IncidentStatus status, String factsJson) {
            this.incidentId = incidentId;
            this.wasStored = wasStored;
            this.status = status;
            this.factsJson = factsJson;
        }

        void changedBy(Change change) {
            version = change.version();
            changedAt = change.at();
            changed = true;
        }

        IncidentFacts facts(ObjectMapper json) {
            if (facts == null) {
                try {
                    facts = json.readValue(factsJson, IncidentFacts.class);
                } catch (JsonProcessingException e) {
                    // The message names the table only: the facts never go into an exception.
                    throw new IllegalStateException("cannot read incident facts from fact_incident", e);
                }
            }
            return facts;
        }

        String factsJson(ObjectMapper json) {
            if (factsJson == null) {
                try {
                    factsJson = json.writeValueAsString(facts);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write incident facts as JSON", e);
                }
            }
            return factsJson;
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
