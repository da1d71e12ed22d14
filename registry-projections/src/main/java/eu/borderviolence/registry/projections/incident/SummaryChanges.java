package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.projections.BatchStatements;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static eu.borderviolence.registry.projections.BatchStatements.batch;

/**
 * The changes one processor batch makes to the incident summaries, written together when the batch commits, as the
 * incident facts' are: the stored summaries of every incident the batch touches are read in one statement, the
 * batch's events applied to them in the order they came, and each incident changed is written once, in a handful of
 * JDBC batches for the whole batch (docs/benchmarks.md). An event at or below a summary's version (stored, or reached
 * earlier in the batch) is ignored, and a report of an incident that has a summary leaves it, exactly as when each
 * event was applied on its own.
 */
final class SummaryChanges {

    private static final String SELECT = "select " + String.join(", ", IncidentSummary.COLUMNS)
            + " from incident_summary where incident_id in";

    private static final String INSERT = "insert into incident_summary ("
            + String.join(", ", IncidentSummary.WRITTEN_COLUMNS) + ") values ("
            + BatchStatements.placeholders(IncidentSummary.WRITTEN_COLUMNS.size()) + ")";

    /** Every column but the key, then the key: {@link #updateRow} moves the key to the end of the row. */
    private static final String UPDATE = "update incident_summary set "
            + IncidentSummary.WRITTEN_COLUMNS.stream().skip(1).map(column -> column + " = ?")
                    .collect(Collectors.joining(", "))
            + " where incident_id = ?";

    /** One incident event, with its sequence number and time, to apply to its incident's summary. */
    record Change(IncidentId incidentId, Object event, long version, Instant at) {
    }

    private SummaryChanges() {
    }

    /** Applies the changes, in this order, to the stored summaries and writes the summaries that changed. */
    static void write(List<Change> changes, JdbcTemplate jdbc, IncidentSummary.JsonColumns json) {
        if (changes.isEmpty()) {
            return;
        }
        Map<UUID, IncidentSummary> summaries = stored(jdbc, json,
                changes.stream().map(change -> change.incidentId().value()).distinct().toList());
        Set<IncidentSummary> changed = new LinkedHashSet<>();
        for (Change change : changes) {
            UUID id = change.incidentId().value();
            IncidentSummary summary = summaries.get(id);
            if (change.event() instanceof IncidentReportedEvent reported) {
                if (summary == null) {
                    summary = IncidentSummary.reported(reported.incidentId(), reported.facts(),
                            reported.reportedBy(), change.version(), change.at());
                    summaries.put(id, summary);
                    changed.add(summary);
                }
            } else if (summary != null && summary.notYetApplied(change.version())) {
                summary.apply(change.event(), change.version(), change.at());
                changed.add(summary);
            }
        }
        batch(jdbc, INSERT, changed.stream().filter(summary -> !summary.stored())
                .map(summary -> summary.row(json)).toList());
        batch(jdbc, UPDATE, changed.stream().filter(IncidentSummary::stored)
                .map(summary -> updateRow(summary.row(json))).toList());
    }

    private static Map<UUID, IncidentSummary> stored(JdbcTemplate jdbc, IncidentSummary.JsonColumns json,
                                                     List<UUID> incidentIds) {
        Map<UUID, IncidentSummary> summaries = new LinkedHashMap<>();
        BatchStatements.forEachOf(jdbc, SELECT, incidentIds, rs -> {
            IncidentSummary summary = IncidentSummary.read(rs, json);
            summaries.put(summary.id(), summary);
        });
        return summaries;
    }

    /** The row's values in the order of {@link #UPDATE}: the key last. */
    private static Object[] updateRow(Object[] row) {
        return IntStream.range(0, row.length).mapToObj(i -> row[(i + 1) % row.length]).toArray();
    }
}
