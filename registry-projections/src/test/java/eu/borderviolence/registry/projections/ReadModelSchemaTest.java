package eu.borderviolence.registry.projections;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CaseHistoryEntry;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.Consent;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentFilter;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.ListIncidentsQuery;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyCircumstances;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.core.api.SealedPersonalData;
import eu.borderviolence.registry.projections.history.CaseHistoryProjection;
import eu.borderviolence.registry.projections.incident.IncidentSummaryProjection;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.borderviolence.registry.projections.Incidents.LAWYER;
import static eu.borderviolence.registry.projections.Incidents.MONITOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Both views on the schema the application really gets ({@link OnMigratedReadModels}). */
@OnMigratedReadModels
@Import({IncidentSummaryProjection.class, CaseHistoryProjection.class, TestViewServing.class})
class ReadModelSchemaTest {

    private static final List<String> OWN_TABLES = List.of("CASE_HISTORY_ENTRY", "CASE_HISTORY_MERGE",
            "INCIDENT_SUMMARY");

    @Autowired
    private IncidentSummaryProjection summaries;
    @Autowired
    private CaseHistoryProjection histories;
    @Autowired
    private TestEntityManager entityManager;
    @Autowired
    private DataSource dataSource;

    private EventFeed events;
    private JdbcTemplate jdbc;

    @BeforeEach
    void feedBothViews() {
        events = new EventFeed(() -> {
            entityManager.flush();
            entityManager.clear();
        }, summaries, histories);
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void theMigrationHoldsExactlyTheTablesOfTheViews() {
        assertThat(jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = 'PUBLIC' and (table_name like 'INCIDENT_SUMMARY%' or table_name like 'CASE_HISTORY%')
                order by table_name""", String.class)).isEqualTo(OWN_TABLES);
    }

    @Test
    void aWholeCaseIsStoredAndReadBackOnTheMigratedSchema() {
        IncidentId survivor = IncidentId.random();
        IncidentId duplicate = IncidentId.random();
        IncidentFacts facts = Incidents.pushbackHuRs(LocalDate.of(2023, 7, 14));
        events.publish(survivor, new IncidentReportedEvent(survivor, facts, MONITOR), MONITOR);
        events.publish(duplicate, new IncidentReportedEvent(duplicate,
                Incidents.chainHuRsMk(LocalDate.of(2023, 7, 14)), MONITOR), MONITOR);
        TestimonyId testimony = TestimonyId.random();
        events.publish(duplicate, new TestimonyAttachedEvent(duplicate, testimony, MONITOR), MONITOR);
        events.publish(duplicate, new IncidentMergedEvent(duplicate, survivor, "same group", LAWYER), LAWYER);
        events.publish(survivor, new DuplicateIncidentAbsorbedEvent(survivor, duplicate, List.of(testimony),
                "same group", LAWYER), LAWYER);
        events.publish(survivor, new IncidentCorroboratedEvent(survivor, CorroborationSource.OFFICIAL_DOCUMENT,
                "HU-ORFK 29000/2023", ConfidenceStatus.CONFIRMED, LAWYER), LAWYER);

        IncidentView view = summaries.find(new FindIncidentQuery(survivor)).orElseThrow();
        assertThat(view.facts()).isEqualTo(facts.withConfidence(ConfidenceStatus.CONFIRMED));
        assertThat(view.testimonies()).containsExactly(testimony);
        assertThat(view.mergedDuplicates()).containsExactly(duplicate);
        assertThat(summaries.list(new ListIncidentsQuery(new IncidentFilter(null, CountryCode.of("RS"),
                BorderLeg.of("HU", "RS"), LocalDate.of(2023, 7, 1), LocalDate.of(2023, 7, 31), null), 0, 10)))
                .extracting(IncidentView::incidentId).containsExactly(survivor);
        assertThat(histories.find(survivor).orElseThrow().entries())
                .extracting(CaseHistoryEntry::incidentId)
                .containsExactly(survivor, duplicate, duplicate, duplicate, survivor, survivor);
    }

    @Test
    void noWitnessPersonalDataLandsInAnyTable() {
        String marker = "MARKER-" + UUID.randomUUID();
        IncidentId incident = IncidentId.random();
        TestimonyId testimony = TestimonyId.random();
        IncidentFacts facts = Incidents.pushbackHuRs(LocalDate.of(2023, 7, 14));
        events.publish(incident, new IncidentReportedEvent(incident, facts, MONITOR), MONITOR);
        EventMessage<?> recorded = events.publish(testimony, new TestimonyRecordedEvent(testimony, incident,
                new TestimonyCircumstances(LocalDate.of(2023, 7, 16), CountryCode.of("RS"), "Subotica", "ps", true,
                        new Consent(true, true, false)),
                facts,
                // the worst case: witness data stored before encryption, in the clear
                new SealedPersonalData(testimony.toString(), SealedPersonalData.NONE, null,
                        "A.K. " + marker + " +381 " + marker + " روایت " + marker),
                MONITOR), MONITOR);
        events.publish(incident, new TestimonyAttachedEvent(incident, testimony, MONITOR), MONITOR);
        events.publish(incident, new IncidentFactsCorrectedEvent(incident, Incidents.chainHuRsMk(
                LocalDate.of(2023, 7, 14)), List.of("borderLegs"), "second witness", LAWYER), LAWYER);
        events.publish(incident, new IncidentRetractedEvent(incident, "entered under the wrong incident", LAWYER),
                LAWYER);

        assertThat(events.handles(recorded)).as("testimony events are not for these views").isFalse();
        for (String table : OWN_TABLES) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
            assertThat(rows).as(table).allSatisfy(row -> assertThat(row.values())
                    .noneMatch(value -> value != null && value.toString().contains(marker)));
        }
        assertThat(jdbc.queryForObject("select count(*) from case_history_entry", Long.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select summary from case_history_entry where sequence_number = 1",
                String.class)).isEqualTo("Testimony " + testimony + " attached");
    }
}
