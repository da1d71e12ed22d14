package eu.borderviolence.registry.projections.history;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CaseHistory;
import eu.borderviolence.registry.core.api.CaseHistoryEntry;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.projections.EventFeed;
import eu.borderviolence.registry.projections.H2Statements;
import eu.borderviolence.registry.projections.Incidents;
import eu.borderviolence.registry.projections.OnMigratedReadModels;
import eu.borderviolence.registry.projections.TestViewServing;
import eu.borderviolence.registry.projections.ViewServing;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.borderviolence.registry.projections.Incidents.LAWYER;
import static eu.borderviolence.registry.projections.Incidents.MONITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** On the migrated schema: the entries have no JPA mapping that Hibernate could create a table from. */
@OnMigratedReadModels
@Import({CaseHistoryProjection.class, TestViewServing.class})
class CaseHistoryProjectionTest {

    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);

    @Autowired
    private CaseHistoryProjection projection;
    @Autowired
    private TestViewServing serving;
    @Autowired
    private TestEntityManager entityManager;
    @Autowired
    private DataSource dataSource;

    private EventFeed events;

    @BeforeEach
    void feedEventsOneUnitOfWorkAtATime() {
        events = new EventFeed(() -> {
            entityManager.flush();
            entityManager.clear();
        }, projection);
    }

    /**
     * A processor applies events in batches: the batch's entries are written together as it commits, without
     * reading anything first; the batch delivered again (some of it already stored) overwrites its own entries.
     */
    @Test
    void aBatchWritesItsEntriesWithoutReadingAndOverwritesItsOwnWhenDeliveredAgain() {
        IncidentId stored = IncidentId.random();
        IncidentId fresh = IncidentId.random();
        EventFeed stories = new EventFeed(() -> {
        });
        events.deliver(stories.publish(stored, new IncidentReportedEvent(stored, Incidents.chainHuRsMk(JULY_14),
                MONITOR), MONITOR));
        List<EventMessage<?>> batch = List.of(
                stories.publish(stored, new TestimonyAttachedEvent(stored, TestimonyId.random(), MONITOR), MONITOR),
                stories.publish(fresh, new IncidentReportedEvent(fresh, Incidents.pushbackHuRs(JULY_14), MONITOR),
                        MONITOR),
                stories.publish(fresh, new IncidentRetractedEvent(fresh, "reported by mistake", LAWYER), LAWYER));
        H2Statements statements = new H2Statements(dataSource);
        statements.reset();

        events.deliverInOneBatch(batch);

        assertThat(statements.selects()).as("queries of the batch").isZero();
        assertThat(history(stored).entries()).extracting(CaseHistoryEntry::eventType)
                .containsExactly("IncidentReported", "TestimonyAttached");
        assertThat(history(fresh).entries()).extracting(CaseHistoryEntry::eventType)
                .containsExactly("IncidentReported", "IncidentRetracted");

        events.deliverInOneBatch(batch.subList(1, 3));
        events.deliverInOneBatch(batch);

        assertThat(history(stored).entries()).hasSize(2);
        assertThat(history(fresh).entries()).hasSize(2);
    }

    @Test
    void everyIncidentEventBecomesAnEntryWithAnEnglishSummary() {
        IncidentId id = IncidentId.random();
        TestimonyId testimony = TestimonyId.random();
        events.publish(id, new IncidentReportedEvent(id, Incidents.chainHuRsMk(JULY_14), MONITOR), MONITOR);
        events.publish(id, new TestimonyAttachedEvent(id, testimony, MONITOR), MONITOR);
        IncidentFacts recounted = new IncidentFacts(IncidentKind.PUSHBACK,
                IncidentDate.exactDay(JULY_14), null, List.of(BorderLeg.of("HU", "RS")), PeopleAffected.group(9),
                null, null, null, null, null, null, null);
        events.publish(id, new IncidentFactsCorrectedEvent(id, recounted, List.of("borderLegs", "people"),
                "witness recounted the group", LAWYER), LAWYER);
        events.publish(id, new IncidentCorroboratedEvent(id, CorroborationSource.MEDICAL_REPORT, "MSF-2023-118",
                ConfidenceStatus.LIKELY, LAWYER), LAWYER);
        events.publish(id, new IncidentRetractedEvent(id, "reported by mistake", LAWYER), LAWYER);

        assertThat(history(id).entries()).extracting(CaseHistoryEntry::eventType, CaseHistoryEntry::summary)
                .containsExactly(
                        tuple("IncidentReported", "Incident reported: pushback HU→RS→MK, 14 Jul 2023, group of 12"),
                        tuple("TestimonyAttached", "Testimony " + testimony + " attached"),
                        tuple("IncidentFactsCorrected",
                                "Facts corrected (borderLegs, people): witness recounted the group"),
                        tuple("IncidentCorroborated",
                                "Corroborated by MEDICAL_REPORT (ref MSF-2023-118); confidence now LIKELY"),
                        tuple("IncidentRetracted", "Retracted: reported by mistake"));
    }

    @Test
    void reportsOfEachKindAreSummarisedWithRouteDateAndGroup() {
        assertThat(HistorySummaries.describe(Incidents.pushbackHuRs(JULY_14)))
                .isEqualTo("pushback HU→RS at Horgoš, 14 Jul 2023 (night), group of 12 incl. 4 minors");
        assertThat(HistorySummaries.describe(Incidents.chainAtSiHrBa(
                IncidentDate.between(LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 31)))))
                .isEqualTo("pushback AT→SI→HR→BA, between 20 Oct 2021 and 31 Oct 2021, group of 6");
        assertThat(HistorySummaries.describe(Incidents.policeViolenceRs(YearMonth.of(2023, 3))))
                .isEqualTo("police violence in Subotica, RS, Mar 2023, group of 30");
        assertThat(HistorySummaries.describe(Incidents.readmissionRoRs(LocalDate.of(2021, 11, 20))))
                .isEqualTo("readmission deportation RO→RS after Dublin transfer AT→RO, 20 Nov 2021, group of 1");
    }

    @Test
    void entriesNameTheAuthorOrganisationCorrelationAndPositionFromTheMessage() {
        IncidentId id = IncidentId.random();
        EventMessage<?> report = events.publish(id,
                new IncidentReportedEvent(id, Incidents.pushbackHuRs(JULY_14), MONITOR),
                RegistryMetaData.of(LAWYER, "corr-42", "client-7"));

        CaseHistoryEntry entry = history(id).entries().get(0);
        assertThat(entry.incidentId()).isEqualTo(id);
        assertThat(entry.sequenceNumber()).isZero();
        assertThat(entry.globalPosition()).isEqualTo(100);
        assertThat(entry.recordedAt()).isEqualTo(report.getTimestamp());
        assertThat(entry.author()).isEqualTo(LAWYER.principal());
        assertThat(entry.organisation()).isEqualTo(LAWYER.organisation());
        assertThat(entry.correlationId()).isEqualTo("corr-42");
    }

    @Test
    void withoutMetadataTheActorInTheEventIsTheAuthor() {
        IncidentId id = IncidentId.random();
        events.publish(id, new IncidentReportedEvent(id, Incidents.pushbackHuRs(JULY_14), MONITOR),
                MetaData.emptyInstance());

        CaseHistoryEntry entry = history(id).entries().get(0);
        assertThat(entry.author()).isEqualTo(MONITOR.principal());
        assertThat(entry.organisation()).isEqualTo(MONITOR.organisation());
        assertThat(entry.correlationId()).isNull();
    }

    @Test
    void withoutATrackingTokenThePositionIsUnknown() {
        IncidentId id = IncidentId.random();
        projection.on(new IncidentReportedEvent(id, Incidents.pushbackHuRs(JULY_14), MONITOR), 0, null,
                Instant.parse("2023-07-16T10:00:00Z"), null, null, null);

        assertThat(history(id).entries()).singleElement()
                .satisfies(entry -> assertThat(entry.globalPosition()).isEqualTo(-1));
    }

    @Test
    void theSurvivorsHistoryIncludesEveryMergedDuplicateInStoredOrder() {
        IncidentId survivor = reported();
        IncidentId duplicate = reported();
        IncidentId duplicateOfDuplicate = reported();
        TestimonyId testimony = TestimonyId.random();
        events.publish(duplicateOfDuplicate, new TestimonyAttachedEvent(duplicateOfDuplicate, testimony, MONITOR),
                MONITOR);
        merge(duplicateOfDuplicate, duplicate, List.of(testimony));
        merge(duplicate, survivor, List.of(testimony));

        CaseHistory history = history(survivor);

        assertThat(history.incidentId()).isEqualTo(survivor);
        assertThat(history.entries()).extracting(CaseHistoryEntry::incidentId, CaseHistoryEntry::eventType)
                .containsExactly(
                        tuple(survivor, "IncidentReported"),
                        tuple(duplicate, "IncidentReported"),
                        tuple(duplicateOfDuplicate, "IncidentReported"),
                        tuple(duplicateOfDuplicate, "TestimonyAttached"),
                        tuple(duplicateOfDuplicate, "IncidentMerged"),
                        tuple(duplicate, "DuplicateIncidentAbsorbed"),
                        tuple(duplicate, "IncidentMerged"),
                        tuple(survivor, "DuplicateIncidentAbsorbed"));
        assertThat(history.entries()).extracting(CaseHistoryEntry::globalPosition).isSorted();
        assertThat(history.entries().get(7).summary())
                .isEqualTo("Duplicate incident " + duplicate + " merged in with 1 testimony: same group, same night");
        assertThat(history.entries().get(6).summary())
                .isEqualTo("Merged into incident " + survivor + ": same group, same night");
        // The duplicate's own history stays its own.
        assertThat(history(duplicateOfDuplicate).entries()).extracting(CaseHistoryEntry::incidentId)
                .containsOnly(duplicateOfDuplicate);
    }

    @Test
    void mergesThatLeadBackToTheSurvivorAreFollowedOnce() {
        IncidentId survivor = reported();
        IncidentId duplicate = reported();
        merge(duplicate, survivor, List.of());
        // The incidents refuse this merge back (a merged duplicate changes no more); the view must still end its walk.
        events.publish(duplicate, new DuplicateIncidentAbsorbedEvent(duplicate, survivor, List.of(), "back", LAWYER),
                LAWYER);

        assertThat(history(survivor).entries()).extracting(CaseHistoryEntry::incidentId, CaseHistoryEntry::eventType)
                .containsExactly(
                        tuple(survivor, "IncidentReported"),
                        tuple(duplicate, "IncidentReported"),
                        tuple(duplicate, "IncidentMerged"),
                        tuple(survivor, "DuplicateIncidentAbsorbed"),
                        tuple(duplicate, "DuplicateIncidentAbsorbed"));
        assertThat(history(duplicate).entries()).hasSize(5);
    }

    @Test
    void anEventDeliveredTwiceIsRecordedOnce() {
        IncidentId survivor = reported();
        IncidentId duplicate = reported();
        EventMessage<?> merged = events.publish(duplicate,
                new IncidentMergedEvent(duplicate, survivor, "same group", LAWYER), LAWYER);
        EventMessage<?> absorbed = events.publish(survivor,
                new DuplicateIncidentAbsorbedEvent(survivor, duplicate, List.of(), "same group", LAWYER), LAWYER);
        CaseHistory before = history(survivor);
        List<Map<String, Object>> rowsBefore =
                jdbc().queryForList("select * from case_history_entry order by global_position");

        events.deliver(merged);
        events.deliver(absorbed);

        assertThat(history(survivor)).isEqualTo(before);
        assertThat(jdbc().queryForList("select * from case_history_entry order by global_position"))
                .isEqualTo(rowsBefore);
        assertThat(jdbc().queryForObject("select count(*) from case_history_merge", Long.class)).isEqualTo(1);
    }

    @Test
    void anIncidentWithoutEntriesHasNoHistory() {
        assertThat(projection.find((IncidentId.random()))).isEmpty();
    }

    @Test
    void aResetEmptiesEveryTableOfTheView() {
        IncidentId survivor = reported();
        merge(reported(), survivor, List.of());

        events.reset();

        assertThat(jdbc().queryForObject("select count(*) from case_history_entry", Long.class)).isZero();
        assertThat(jdbc().queryForObject("select count(*) from case_history_merge", Long.class)).isZero();
        assertThat(projection.find((survivor))).isEmpty();
    }

    @Test
    void aReadOfTheViewWhileItIsRebuiltIsRefusedWhateverItFinds() {
        IncidentId survivor = reported();
        IncidentId duplicate = reported();
        merge(duplicate, survivor, List.of());
        IncidentId alone = reported();
        serving.startRebuilding(CaseHistoryProjection.PROCESSING_GROUP);

        for (IncidentId incident : List.of(alone, survivor, IncidentId.random())) {
            assertThatThrownBy(() -> projection.find(incident)).isInstanceOfSatisfying(ViewServing.Rebuilding.class,
                    refused -> assertThat(refused.view()).isEqualTo("case-history"));
        }

        serving.finishRebuilding(CaseHistoryProjection.PROCESSING_GROUP);
        assertThat(history(alone).entries()).hasSize(1);
        assertThat(history(survivor).entries()).hasSize(4);
        assertThat(projection.find(IncidentId.random())).isEmpty();
    }

    private IncidentId reported() {
        IncidentId id = IncidentId.random();
        events.publish(id, new IncidentReportedEvent(id, Incidents.pushbackHuRs(JULY_14), MONITOR), MONITOR);
        return id;
    }

    private void merge(IncidentId duplicate, IncidentId survivor, List<TestimonyId> testimonies) {
        events.publish(duplicate, new IncidentMergedEvent(duplicate, survivor, "same group, same night", LAWYER),
                LAWYER);
        events.publish(survivor, new DuplicateIncidentAbsorbedEvent(survivor, duplicate, testimonies,
                "same group, same night", LAWYER), LAWYER);
    }

    private CaseHistory history(IncidentId id) {
        return projection.find((id)).orElseThrow();
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }
}
