package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.CountIncidentsQuery;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.FindIncidentQuery;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentDate;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentFilter;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.ListIncidentsQuery;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.projections.EventFeed;
import eu.borderviolence.registry.projections.H2Statements;
import eu.borderviolence.registry.projections.Incidents;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.borderviolence.registry.projections.Incidents.LAWYER;
import static eu.borderviolence.registry.projections.Incidents.MONITOR;
import static eu.borderviolence.registry.projections.Incidents.PARTNER;
import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest(showSql = false)
@Import(IncidentSummaryProjection.class)
class IncidentSummaryProjectionTest {

    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);

    @Autowired
    private IncidentSummaryProjection projection;
    @Autowired
    private TestEntityManager entityManager;
    @Autowired
    private DataSource dataSource;

    private EventFeed events;
    private H2Statements statements;

    @BeforeEach
    void feedEventsOneUnitOfWorkAtATime() {
        statements = new H2Statements(dataSource);
        events = new EventFeed(() -> {
            entityManager.flush();
            entityManager.clear();
        }, projection);
    }

    @Test
    void aReportedIncidentCanBeReadBackWithItsFacts() {
        IncidentId id = IncidentId.random();
        IncidentFacts facts = Incidents.pushbackHuRs(JULY_14);
        events.publish(id, new IncidentReportedEvent(id, facts, MONITOR), MONITOR);

        IncidentView view = find(id).orElseThrow();
        assertThat(view.incidentId()).isEqualTo(id);
        assertThat(view.version()).isZero();
        assertThat(view.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(view.facts()).isEqualTo(facts);
        assertThat(view.reportedBy()).isEqualTo(MONITOR);
        assertThat(view.reportedAt()).isEqualTo(EventFeed.START.plusSeconds(300));
        assertThat(view.lastChangedAt()).isEqualTo(view.reportedAt());
        assertThat(view.testimonies()).isEmpty();
        assertThat(view.mergedDuplicates()).isEmpty();
        assertThat(view.mergedInto()).isNull();
        assertThat(view.retractionReason()).isNull();
    }

    /**
     * A processor applies events in batches: the batch's summaries are read with one query, none looked up alone
     * (not even to find that a reported incident is new), the events applied one at a time in their order, and each
     * incident written once; the batch delivered again changes nothing.
     */
    @Test
    void aBatchReadsItsIncidentsAtOnceAndAppliesEachEventInTurn() {
        IncidentId stored = reported(Incidents.pushbackHuRs(JULY_14));
        EventFeed stories = new EventFeed(() -> {
        });
        IncidentId fresh = IncidentId.random();
        TestimonyId toStored = TestimonyId.random();
        TestimonyId toFresh = TestimonyId.random();
        IncidentFacts corrected = Incidents.chainHuRsMk(JULY_14);
        // The story feed numbers the stored incident's events from 0 again: its report was event 0 here too.
        stories.publish(stored, new IncidentReportedEvent(stored, Incidents.pushbackHuRs(JULY_14), MONITOR), MONITOR);
        List<EventMessage<?>> batch = List.of(
                stories.publish(stored, new TestimonyAttachedEvent(stored, toStored, MONITOR), MONITOR),
                stories.publish(fresh, new IncidentReportedEvent(fresh, Incidents.pushbackHuRs(JULY_14), MONITOR),
                        MONITOR),
                stories.publish(fresh, new TestimonyAttachedEvent(fresh, toFresh, PARTNER), PARTNER),
                stories.publish(fresh, new IncidentFactsCorrectedEvent(fresh, corrected, List.of("borderLegs"),
                        "route checked", LAWYER), LAWYER),
                stories.publish(stored, new IncidentFactsCorrectedEvent(stored, corrected, List.of("borderLegs"),
                        "route checked", LAWYER), LAWYER),
                stories.publish(stored, new IncidentCorroboratedEvent(stored, CorroborationSource.MEDICAL_REPORT,
                        "MSF-2023-118", ConfidenceStatus.LIKELY, LAWYER), LAWYER));
        statements.reset();

        events.deliverInOneBatch(batch);

        assertThat(statements.selects()).as("queries of the batch").isEqualTo(1);
        assertThat(statements.selectsFrom("incident_summary")).as("reads of the summaries").isEqualTo(1);
        IncidentView storedView = find(stored).orElseThrow();
        IncidentView freshView = find(fresh).orElseThrow();
        assertThat(storedView.testimonies()).containsExactly(toStored);
        assertThat(storedView.facts()).isEqualTo(corrected.withConfidence(ConfidenceStatus.LIKELY));
        assertThat(storedView.version()).isEqualTo(3);
        assertThat(freshView.testimonies()).containsExactly(toFresh);
        assertThat(freshView.facts()).isEqualTo(corrected);
        assertThat(freshView.version()).isEqualTo(2);
        assertThat(ids(filter(null, CountryCode.of("MK"), null))).containsExactlyInAnyOrder(stored, fresh);
        assertThat(ids(filter(null, null, BorderLeg.of("RS", "MK")))).containsExactlyInAnyOrder(stored, fresh);
        assertThat(array(stored, "border_legs")).hasSize(2);
        Map<String, Object> storedRow = row(stored);

        events.deliverInOneBatch(batch);

        assertThat(find(stored)).contains(storedView);
        assertThat(find(fresh)).contains(freshView);
        assertThat(row(stored)).isEqualTo(storedRow);
        assertThat(array(stored, "border_legs")).hasSize(2);
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        assertThat(find(IncidentId.random())).isEmpty();
    }

    @Test
    void attachedTestimoniesAreListedInOrderAndTheVersionFollowsTheEvents() {
        IncidentId id = reported(Incidents.pushbackHuRs(JULY_14));
        TestimonyId first = TestimonyId.random();
        TestimonyId second = TestimonyId.random();
        events.publish(id, new TestimonyAttachedEvent(id, first, MONITOR), MONITOR);
        events.publish(id, new TestimonyAttachedEvent(id, second, PARTNER), PARTNER);

        IncidentView view = find(id).orElseThrow();
        assertThat(view.testimonies()).containsExactly(first, second);
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.lastChangedAt()).isAfter(view.reportedAt());
    }

    @Test
    void aCorrectionReplacesTheFactsAndMovesTheIncidentBetweenBorderAndCountryFilters() {
        IncidentId id = reported(Incidents.pushbackHuRs(JULY_14));
        assertThat(ids(filter(null, null, BorderLeg.of("HU", "RS")))).containsExactly(id);
        assertThat(ids(filter(null, CountryCode.of("HU"), null))).containsExactly(id);

        // The witness recounted: it was Croatia, not Hungary, and in early August.
        IncidentFacts corrected = new IncidentFacts(IncidentKind.PUSHBACK,
                IncidentDate.exactDay(LocalDate.of(2023, 8, 2)), null, List.of(BorderLeg.of("HR", "RS")),
                null, null, null, null, null, null, null, null);
        events.publish(id, new IncidentFactsCorrectedEvent(id, corrected,
                List.of("date", "place", "borderLegs", "people"), "witness confused the border", LAWYER), LAWYER);

        assertThat(find(id).orElseThrow().facts()).isEqualTo(corrected);
        assertThat(ids(filter(null, null, BorderLeg.of("HU", "RS")))).isEmpty();
        assertThat(ids(filter(null, CountryCode.of("HU"), null))).isEmpty();
        assertThat(ids(filter(null, null, BorderLeg.of("HR", "RS")))).containsExactly(id);
        assertThat(ids(filter(null, CountryCode.of("HR"), null))).containsExactly(id);
        assertThat(ids(dates(LocalDate.of(2023, 8, 1), LocalDate.of(2023, 8, 31)))).containsExactly(id);
        assertThat(array(id, "border_legs")).hasSize(1);
        assertThat(array(id, "countries")).hasSize(2);
    }

    @Test
    void aCorroborationChangesOnlyTheConfidence() {
        IncidentFacts facts = Incidents.pushbackHuRs(JULY_14);
        IncidentId id = reported(facts);
        events.publish(id, new IncidentCorroboratedEvent(id, CorroborationSource.MEDICAL_REPORT, "MSF-2023-118",
                ConfidenceStatus.LIKELY, LAWYER), LAWYER);

        IncidentView view = find(id).orElseThrow();
        assertThat(view.facts().confidence()).isEqualTo(ConfidenceStatus.LIKELY);
        assertThat(view.facts()).isEqualTo(facts.withConfidence(ConfidenceStatus.LIKELY));
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void aMergeLeavesThePointerOnTheDuplicateAndTheTestimoniesWithTheSurvivor() {
        IncidentId survivor = reported(Incidents.pushbackHuRs(JULY_14));
        TestimonyId survivorsOwn = attached(survivor);
        IncidentId duplicate = reported(Incidents.pushbackHuRs(JULY_14));
        TestimonyId first = attached(duplicate);
        TestimonyId second = attached(duplicate);

        events.publish(duplicate, new IncidentMergedEvent(duplicate, survivor, "same group, same night", LAWYER), LAWYER);
        events.publish(survivor, new DuplicateIncidentAbsorbedEvent(survivor, duplicate, List.of(first, second),
                "same group, same night", LAWYER), LAWYER);

        IncidentView merged = find(duplicate).orElseThrow();
        assertThat(merged.status()).isEqualTo(IncidentStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(survivor);
        IncidentView kept = find(survivor).orElseThrow();
        assertThat(kept.status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(kept.mergedDuplicates()).containsExactly(duplicate);
        assertThat(kept.testimonies()).containsExactly(survivorsOwn, first, second);
        assertThat(ids(IncidentFilter.none())).containsExactly(survivor);
        assertThat(ids(filter(IncidentStatus.MERGED, null, null))).containsExactly(duplicate);
    }

    @Test
    void aRetractedIncidentLeavesTheDefaultListButIsListedByItsStatus() {
        IncidentId retracted = reported(Incidents.pushbackHuRs(JULY_14));
        IncidentId active = reported(Incidents.pushbackHuRs(JULY_14));
        events.publish(retracted, new IncidentRetractedEvent(retracted, "entered twice by mistake", LAWYER), LAWYER);

        IncidentView view = find(retracted).orElseThrow();
        assertThat(view.status()).isEqualTo(IncidentStatus.RETRACTED);
        assertThat(view.retractionReason()).isEqualTo("entered twice by mistake");
        assertThat(ids(IncidentFilter.none())).containsExactly(active);
        assertThat(ids(filter(IncidentStatus.RETRACTED, null, null))).containsExactly(retracted);
    }

    @Test
    void eventsDeliveredAgainLeaveTheViewAsItWas() {
        IncidentId id = IncidentId.random();
        EventMessage<?> report = events.publish(id,
                new IncidentReportedEvent(id, Incidents.pushbackHuRs(JULY_14), MONITOR), MONITOR);
        EventMessage<?> firstCorrection = events.publish(id, new IncidentFactsCorrectedEvent(id,
                Incidents.chainHuRsMk(JULY_14), List.of("borderLegs"), "pushed on to North Macedonia", LAWYER), LAWYER);
        EventMessage<?> attach = events.publish(id, new TestimonyAttachedEvent(id, TestimonyId.random(), MONITOR),
                MONITOR);
        events.publish(id, new IncidentFactsCorrectedEvent(id, Incidents.pushbackHuRs(JULY_14),
                List.of("borderLegs"), "the second witness was in another group", LAWYER), LAWYER);
        IncidentView before = find(id).orElseThrow();
        Map<String, Object> rowBefore = row(id);

        // A processor that crashed before storing its token hands out older events again.
        events.deliver(report);
        events.deliver(firstCorrection);
        events.deliver(attach);

        assertThat(find(id).orElseThrow()).isEqualTo(before);
        assertThat(row(id)).isEqualTo(rowBefore);
        assertThat(before.version()).isEqualTo(3);
        assertThat(before.testimonies()).hasSize(1);
        assertThat(before.facts()).isEqualTo(Incidents.pushbackHuRs(JULY_14));
        assertThat(array(id, "border_legs")).hasSize(1);
        assertThat(ids(filter(null, CountryCode.of("MK"), null))).isEmpty();
    }

    @Test
    void aReportDeliveredAgainWithinOneBatchIsStoredOnce() {
        // A processor applies a batch in one transaction and writes it at the end: the second delivery must find
        // the summary the first one made, not yet written, and leave it (no flush between the events here).
        EventFeed batch = new EventFeed(() -> { }, projection);
        IncidentId id = IncidentId.random();
        EventMessage<?> report = batch.publish(id,
                new IncidentReportedEvent(id, Incidents.pushbackHuRs(JULY_14), MONITOR), MONITOR);
        batch.publish(id, new TestimonyAttachedEvent(id, TestimonyId.random(), MONITOR), MONITOR);
        batch.deliver(report);
        entityManager.flush();
        entityManager.clear();

        IncidentView view = find(id).orElseThrow();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.testimonies()).hasSize(1);
        assertThat(rows("incident_summary", id)).isEqualTo(1);
        assertThat(array(id, "border_legs")).hasSize(1);
    }

    @Test
    void aResetEmptiesEveryTableOfTheView() {
        reported(Incidents.pushbackHuRs(JULY_14));
        reported(Incidents.chainAtSiHrBa(IncidentDate.inMonth(YearMonth.of(2021, 10))));

        events.reset();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from incident_summary", Long.class)).isZero();
        assertThat(ids(IncidentFilter.none())).isEmpty();
    }

    @Test
    void listsFilterByKindCountryBorderLegAndOverlappingDates() {
        IncidentId huRs = reported(Incidents.pushbackHuRs(JULY_14));
        IncidentId chain = reported(Incidents.chainAtSiHrBa(
                IncidentDate.between(LocalDate.of(2021, 10, 20), LocalDate.of(2021, 10, 31))));
        IncidentId raid = reported(Incidents.policeViolenceRs(YearMonth.of(2023, 3)));
        IncidentId readmission = reported(Incidents.readmissionRoRs(LocalDate.of(2021, 11, 20)));

        assertThat(ids(new IncidentFilter(IncidentKind.PUSHBACK, null, null, null, null, null)))
                .containsExactlyInAnyOrder(huRs, chain);
        assertThat(ids(new IncidentFilter(IncidentKind.READMISSION_DEPORTATION, null, null, null, null, null)))
                .containsExactly(readmission);

        // Serbia: the place of the raid, the end of the HU→RS leg, the receiving state of the readmission.
        assertThat(ids(filter(null, CountryCode.of("RS"), null))).containsExactlyInAnyOrder(huRs, raid, readmission);
        assertThat(ids(filter(null, CountryCode.of("SI"), null))).containsExactly(chain);
        assertThat(ids(filter(null, CountryCode.of("RO"), null))).containsExactly(readmission);
        assertThat(ids(filter(null, CountryCode.of("MK"), null))).isEmpty();

        assertThat(ids(filter(null, null, BorderLeg.of("SI", "HR")))).containsExactly(chain);
        assertThat(ids(filter(null, null, BorderLeg.of("HR", "SI")))).isEmpty();
        assertThat(ids(filter(null, null, BorderLeg.of("AT", "HR")))).isEmpty();
        assertThat(ids(new IncidentFilter(IncidentKind.PUSHBACK, CountryCode.of("RS"), BorderLeg.of("HU", "RS"),
                null, null, null))).containsExactly(huRs);

        // Overlap: the chain's estimated period 20–31 Oct reaches into a range that starts on 30 Oct.
        assertThat(ids(dates(LocalDate.of(2021, 10, 30), LocalDate.of(2021, 11, 30))))
                .containsExactlyInAnyOrder(chain, readmission);
        assertThat(ids(dates(LocalDate.of(2021, 11, 21), LocalDate.of(2021, 12, 31)))).isEmpty();
        assertThat(ids(dates(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 3, 31)))).containsExactly(raid);
        assertThat(ids(dates(LocalDate.of(2023, 1, 1), null))).containsExactlyInAnyOrder(huRs, raid);
        assertThat(ids(dates(null, LocalDate.of(2021, 10, 20)))).containsExactly(chain);
    }

    @Test
    void listsAreNewestFirstPagedAndCounted() {
        IncidentId[] reportedInOrder = new IncidentId[5];
        for (int i = 0; i < reportedInOrder.length; i++) {
            reportedInOrder[i] = reported(Incidents.pushbackHuRs(JULY_14.plusDays(i)));
        }
        reported(Incidents.policeViolenceRs(YearMonth.of(2023, 3)));

        IncidentFilter pushbacks = new IncidentFilter(IncidentKind.PUSHBACK, null, null, null, null, null);
        List<IncidentView> first = projection.list(new ListIncidentsQuery(pushbacks, 0, 2));
        List<IncidentView> last = projection.list(new ListIncidentsQuery(pushbacks, 2, 2));
        List<IncidentView> beyond = projection.list(new ListIncidentsQuery(pushbacks, 3, 2));

        assertThat(first).extracting(IncidentView::incidentId).containsExactly(reportedInOrder[4], reportedInOrder[3]);
        assertThat(last).extracting(IncidentView::incidentId).containsExactly(reportedInOrder[0]);
        assertThat(beyond).isEmpty();
        assertThat(projection.count(new CountIncidentsQuery(pushbacks))).isEqualTo(5);
        assertThat(projection.count(new CountIncidentsQuery(IncidentFilter.none()))).isEqualTo(6);
    }

    @Test
    void aCountryMatchingSeveralTimesListsAndCountsTheIncidentOnce() {
        IncidentId chain = reported(Incidents.chainHuRsMk(JULY_14));
        IncidentFilter serbia = filter(null, CountryCode.of("RS"), null);

        assertThat(projection.list(new ListIncidentsQuery(serbia, 0, 10))).extracting(IncidentView::incidentId)
                .containsExactly(chain);
        assertThat(projection.count(new CountIncidentsQuery(serbia))).isEqualTo(1);
    }

    @Test
    void theQueryHandlersAnswerTheResponseTypesTheApiAsksFor() throws Exception {
        IncidentId id = reported(Incidents.readmissionRoRs(LocalDate.of(2021, 11, 20)));
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(queryBus);
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(queryBus).build();

        Optional<IncidentView> found = queries.query(new FindIncidentQuery(id),
                ResponseTypes.optionalInstanceOf(IncidentView.class)).get();
        Optional<IncidentView> missing = queries.query(new FindIncidentQuery(IncidentId.random()),
                ResponseTypes.optionalInstanceOf(IncidentView.class)).get();
        List<IncidentView> page = queries.query(new ListIncidentsQuery(IncidentFilter.none(), 0, 20),
                ResponseTypes.multipleInstancesOf(IncidentView.class)).get();
        Long total = queries.query(new CountIncidentsQuery(IncidentFilter.none()), Long.class).get();

        assertThat(found).map(IncidentView::incidentId).contains(id);
        assertThat(missing).isEmpty();
        assertThat(page).extracting(IncidentView::incidentId).containsExactly(id);
        assertThat(total).isEqualTo(1);
    }

    private IncidentId reported(IncidentFacts facts) {
        IncidentId id = IncidentId.random();
        events.publish(id, new IncidentReportedEvent(id, facts, MONITOR), MONITOR);
        return id;
    }

    private TestimonyId attached(IncidentId incident) {
        TestimonyId testimony = TestimonyId.random();
        events.publish(incident, new TestimonyAttachedEvent(incident, testimony, MONITOR), MONITOR);
        return testimony;
    }

    private Optional<IncidentView> find(IncidentId id) {
        return projection.find(new FindIncidentQuery(id));
    }

    private List<IncidentId> ids(IncidentFilter filter) {
        return projection.list(new ListIncidentsQuery(filter, 0, ListIncidentsQuery.MAX_PAGE_SIZE)).stream()
                .map(IncidentView::incidentId).toList();
    }

    private static IncidentFilter filter(IncidentStatus status, CountryCode country, BorderLeg leg) {
        return new IncidentFilter(null, country, leg, null, null, status);
    }

    private static IncidentFilter dates(LocalDate from, LocalDate to) {
        return new IncidentFilter(null, null, null, from, to, null);
    }

    private long rows(String table, IncidentId id) {
        return new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from " + table + " where incident_id = ?", Long.class, id.value());
    }

    /** The summary's row, its arrays as lists (JDBC's arrays do not compare by their elements). */
    private Map<String, Object> row(IncidentId id) {
        Map<String, Object> row = new JdbcTemplate(dataSource).queryForMap(
                "select * from incident_summary where incident_id = ?", id.value());
        row.replaceAll((column, value) -> value instanceof java.sql.Array array ? elements(array) : value);
        return row;
    }

    /** One of the summary's filter arrays (V20), as a list. */
    private List<Object> array(IncidentId id, String column) {
        return new JdbcTemplate(dataSource).queryForObject("select " + column
                + " from incident_summary where incident_id = ?", (rs, n) -> elements(rs.getArray(1)), id.value());
    }

    private static List<Object> elements(java.sql.Array array) {
        try {
            return List.of((Object[]) array.getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
