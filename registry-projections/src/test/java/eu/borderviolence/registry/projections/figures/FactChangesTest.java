package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.projections.EventFeed;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static eu.borderviolence.registry.projections.Incidents.LAWYER;
import static eu.borderviolence.registry.projections.Incidents.MONITOR;
import static eu.borderviolence.registry.projections.Incidents.chainAtSiHrBa;
import static eu.borderviolence.registry.projections.Incidents.chainHuRsMk;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident facts written per processor batch ({@link FactChanges}) are the facts written one event at a time:
 * several changes of one incident in one batch, changes of incidents stored by an earlier batch, changes of an
 * incident never kept, and a batch delivered again.
 */
class FactChangesTest extends FigureProjectionTest {

    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);
    /** The columns the filters select by (V19). */
    private static final List<String> FILTER_ARRAYS = List.of("countries", "border_legs", "authority_countries",
            "authorities", "nationalities", "violations");

    /** Makes the events without handing them to anything, so that each test delivers them as it needs. */
    private final EventFeed stories = new EventFeed(() -> {
    });

    @Override
    protected Object projection() {
        return null; // the fact tables themselves are under test
    }

    @Test
    void aBatchWritesWhatTheEventsOneAtATimeWrite() {
        List<EventMessage<?>> earlier = new ArrayList<>();
        List<EventMessage<?>> batch = new ArrayList<>();
        IncidentId corrected = IncidentId.random();
        IncidentId merged = IncidentId.random();
        IncidentId kept = IncidentId.random();
        IncidentId neverReported = IncidentId.random();
        // An incident stored by an earlier batch, changed in this one.
        earlier.add(stories.publish(kept, new IncidentReportedEvent(kept, chainHuRsMk(JULY_14), MONITOR), MONITOR));
        batch.add(stories.publish(kept, corroboration(kept, ConfidenceStatus.CONFIRMED), LAWYER));
        batch.add(stories.publish(kept, new IncidentRetractedEvent(kept, "witness recanted", LAWYER), LAWYER));
        // Reported, corrected (its border moves) and corroborated within the batch.
        batch.add(stories.publish(corrected, new IncidentReportedEvent(corrected, pushbackHuRs(JULY_14), MONITOR),
                MONITOR));
        batch.add(stories.publish(corrected, new IncidentFactsCorrectedEvent(corrected,
                chainAtSiHrBa(IncidentDate.exactDay(JULY_14)), List.of("borderLegs"), "route checked", LAWYER), LAWYER));
        batch.add(stories.publish(corrected, corroboration(corrected, ConfidenceStatus.CONFIRMED), LAWYER));
        // Reported and merged into another within the batch.
        batch.add(stories.publish(merged, new IncidentReportedEvent(merged, pushbackHuRs(JULY_14), MONITOR),
                MONITOR));
        batch.add(stories.publish(merged, new IncidentMergedEvent(merged, corrected, "same group", LAWYER), LAWYER));
        // Changes of an incident the view never kept change nothing.
        batch.add(stories.publish(neverReported, corroboration(neverReported, ConfidenceStatus.LIKELY), LAWYER));
        batch.add(stories.publish(neverReported, new IncidentRetractedEvent(neverReported, "wrong", LAWYER), LAWYER));

        earlier.forEach(events::deliver);
        batch.forEach(events::deliver);
        List<Map<String, Object>> oneAtATime = tables();
        assertThat(oneAtATime).hasSize(3);

        facts.clear();
        earlier.forEach(events::deliver);
        events.deliverInOneBatch(batch);

        assertThat(tables()).isEqualTo(oneAtATime);
    }

    /**
     * A batch may hold up to the processor's batch size of events (1,000 on PostgreSQL), each of another incident: the
     * stored rows of its incidents are read in several statements of a few hundred keys, and every one of them must be
     * found.
     */
    @Test
    void aBatchOfMoreIncidentsThanOneReadTakesFindsEveryStoredIncident() {
        List<IncidentId> ids = new ArrayList<>();
        List<EventMessage<?>> reports = new ArrayList<>();
        List<EventMessage<?>> corroborations = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            IncidentId id = IncidentId.random();
            ids.add(id);
            reports.add(stories.publish(id, new IncidentReportedEvent(id, pushbackHuRs(JULY_14), MONITOR), MONITOR));
            corroborations.add(stories.publish(id, corroboration(id, ConfidenceStatus.CONFIRMED), LAWYER));
        }
        events.deliverInOneBatch(reports);

        events.deliverInOneBatch(corroborations);

        assertThat(jdbc.queryForList("select confidence from fact_incident", String.class))
                .hasSize(ids.size()).containsOnly(ConfidenceStatus.CONFIRMED.name());
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        IncidentId id = IncidentId.random();
        List<EventMessage<?>> batch = List.of(
                stories.publish(id, new IncidentReportedEvent(id, pushbackHuRs(JULY_14), MONITOR), MONITOR),
                stories.publish(id, corroboration(id, ConfidenceStatus.LIKELY), LAWYER),
                stories.publish(id, new IncidentFactsCorrectedEvent(id, chainHuRsMk(JULY_14), List.of("borderLegs"),
                        "route checked", LAWYER), LAWYER));
        events.deliverInOneBatch(batch);
        List<Map<String, Object>> once = tables();

        events.deliverInOneBatch(batch);
        events.deliverInOneBatch(batch.subList(0, 1)); // the report alone: its facts must not come back
        events.deliverInOneBatch(batch.subList(1, 2));

        assertThat(tables()).isEqualTo(once);
        assertThat(jdbc.queryForObject("select version from fact_incident", Long.class)).isEqualTo(2);
        assertThat(filterArrays(id).get("border_legs")).containsExactly("HU-RS", "RS-MK");
    }

    @Test
    void aCorrectionInALaterBatchReplacesWhatTheFiltersSelectBy() {
        IncidentId corrected = IncidentId.random();
        IncidentId other = IncidentId.random();
        IncidentId reportedSo = IncidentId.random();
        events.deliverInOneBatch(List.of(
                stories.publish(corrected, new IncidentReportedEvent(corrected,
                        chainAtSiHrBa(IncidentDate.exactDay(JULY_14)), MONITOR), MONITOR),
                stories.publish(other, new IncidentReportedEvent(other, chainHuRsMk(JULY_14), MONITOR), MONITOR)));
        Map<String, List<Object>> otherBefore = filterArrays(other);

        events.deliverInOneBatch(List.of(stories.publish(corrected, new IncidentFactsCorrectedEvent(corrected,
                pushbackHuRs(JULY_14), List.of("borderLegs"), "route checked", LAWYER), LAWYER)));
        events.deliverInOneBatch(List.of(stories.publish(reportedSo, new IncidentReportedEvent(reportedSo,
                pushbackHuRs(JULY_14), MONITOR), MONITOR)));

        // The arrays are those of the corrected facts alone (Croatia and Bosnia gone), the other incident's untouched.
        assertThat(filterArrays(corrected)).isEqualTo(filterArrays(reportedSo));
        assertThat(filterArrays(corrected).get("border_legs")).containsExactly("HU-RS");
        assertThat(filterArrays(corrected).get("countries")).containsExactly("HU", "RS");
        assertThat(filterArrays(other)).isEqualTo(otherBefore);
    }

    @Test
    void nothingIsWrittenBeforeTheBatchCommits() {
        IncidentId id = IncidentId.random();
        List<Long> seenByTheBatch = new ArrayList<>();
        EventFeed watched = new EventFeed(() -> {
        }, new IncidentFactsProjection(facts), new Object() {
            @org.axonframework.eventhandling.EventHandler
            void on(IncidentReportedEvent event) {
                seenByTheBatch.add(rows("fact_incident"));
            }
        });
        watched.deliverInOneBatch(List.of(
                stories.publish(id, new IncidentReportedEvent(id, pushbackHuRs(JULY_14), MONITOR), MONITOR)));

        assertThat(seenByTheBatch).containsExactly(0L);
        assertThat(rows("fact_incident")).isEqualTo(1);
    }

    private static IncidentCorroboratedEvent corroboration(IncidentId id, ConfidenceStatus confidence) {
        return new IncidentCorroboratedEvent(id, CorroborationSource.MEDICAL_REPORT, "MR-1", confidence, LAWYER);
    }

    /** The incident's filter arrays, by column. */
    private Map<String, List<Object>> filterArrays(IncidentId id) {
        Map<String, Object> row = jdbc.queryForMap("select " + String.join(", ", FILTER_ARRAYS)
                + " from fact_incident where incident_id = ?", id.value());
        Map<String, List<Object>> arrays = new java.util.LinkedHashMap<>();
        FILTER_ARRAYS.forEach(column -> arrays.put(column, list(row.get(column))));
        return arrays;
    }

    /** Every row of the table, its arrays as lists (JDBC's arrays do not compare by their elements). */
    private List<Map<String, Object>> tables() {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from fact_incident order by incident_id");
        rows.forEach(row -> row.replaceAll((column, value) -> value instanceof java.sql.Array ? list(value) : value));
        return rows;
    }

    private static List<Object> list(Object array) {
        try {
            return List.of((Object[]) ((java.sql.Array) array).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
