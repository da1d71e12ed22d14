package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.FindIncidentAsOfQuery;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.IncidentStatus;
import eu.borderviolence.registry.core.api.IncidentView;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.borderviolence.registry.projections.Incidents.LAWYER;
import static eu.borderviolence.registry.projections.Incidents.MONITOR;
import static eu.borderviolence.registry.projections.Incidents.chainHuRsMk;
import static eu.borderviolence.registry.projections.Incidents.pushbackHuRs;
import static org.assertj.core.api.Assertions.assertThat;

class IncidentAsOfTest {

    private static final Instant REPORTED = Instant.parse("2023-07-16T09:00:00Z");
    private static final Instant ATTACHED = Instant.parse("2023-07-16T09:00:01Z");
    private static final Instant CORRECTED = Instant.parse("2023-08-01T12:00:00Z");
    private static final Instant CORROBORATED = Instant.parse("2023-09-01T12:00:00Z");
    private static final Instant ENDED = Instant.parse("2023-10-01T12:00:00Z");
    private static final LocalDate JULY_14 = LocalDate.of(2023, 7, 14);

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final IncidentAsOf asOf = new IncidentAsOf(eventStore);
    private final IncidentId id = IncidentId.random();
    private final TestimonyId testimony = TestimonyId.random();
    private long sequence;

    @AfterEach
    void closeTheStore() {
        eventStore.shutDown();
    }

    private void store(Object payload, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence++, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), at));
    }

    private Optional<IncidentView> at(Instant moment) {
        return asOf.find(new FindIncidentAsOfQuery(id, moment));
    }

    private void reportAttachCorrectCorroborate() {
        store(new IncidentReportedEvent(id, pushbackHuRs(JULY_14), MONITOR), REPORTED);
        store(new TestimonyAttachedEvent(id, testimony, MONITOR), ATTACHED);
        IncidentFacts corrected = chainHuRsMk(JULY_14);
        store(new IncidentFactsCorrectedEvent(id, corrected, List.of("borderLegs"), "second witness", LAWYER),
                CORRECTED);
        store(new IncidentCorroboratedEvent(id, CorroborationSource.MEDICAL_REPORT, "MR-1",
                ConfidenceStatus.CONFIRMED, LAWYER), CORROBORATED);
    }

    @Test
    void beforeItsFirstEventTheIncidentDidNotExist() {
        reportAttachCorrectCorroborate();
        assertThat(at(REPORTED.minusSeconds(1))).isEmpty();
        assertThat(asOf.find(new FindIncidentAsOfQuery(IncidentId.random(), ENDED))).isEmpty();
    }

    @Test
    void eachMomentShowsTheFactsKnownThen() {
        reportAttachCorrectCorroborate();

        IncidentView reported = at(REPORTED).orElseThrow();
        assertThat(reported.version()).isZero();
        assertThat(reported.testimonies()).isEmpty();
        assertThat(reported.facts()).isEqualTo(pushbackHuRs(JULY_14));

        IncidentView beforeCorrection = at(CORRECTED.minusSeconds(1)).orElseThrow();
        assertThat(beforeCorrection.version()).isEqualTo(1);
        assertThat(beforeCorrection.testimonies()).containsExactly(testimony);
        assertThat(beforeCorrection.facts().borderLegs()).hasSize(1);

        IncidentView corrected = at(CORRECTED).orElseThrow();
        assertThat(corrected.facts().borderLegs()).hasSize(2);
        assertThat(corrected.lastChangedAt()).isEqualTo(CORRECTED);

        assertThat(at(ENDED).orElseThrow().facts().confidence()).isEqualTo(ConfidenceStatus.CONFIRMED);
        assertThat(at(CORROBORATED.minusSeconds(1)).orElseThrow().facts().confidence())
                .isEqualTo(chainHuRsMk(JULY_14).confidence());
    }

    @Test
    void aRetractedOrMergedIncidentWasActiveBefore() {
        reportAttachCorrectCorroborate();
        store(new IncidentRetractedEvent(id, "witness recanted", LAWYER), ENDED);
        assertThat(at(ENDED.minusSeconds(1)).orElseThrow().status()).isEqualTo(IncidentStatus.ACTIVE);
        assertThat(at(ENDED).orElseThrow().status()).isEqualTo(IncidentStatus.RETRACTED);
        assertThat(at(ENDED).orElseThrow().retractionReason()).isEqualTo("witness recanted");
    }

    @Test
    void aMergedDuplicatePointsToItsSurvivorFromTheMergeOn() {
        IncidentId survivor = IncidentId.random();
        store(new IncidentReportedEvent(id, pushbackHuRs(JULY_14), MONITOR), REPORTED);
        store(new IncidentMergedEvent(id, survivor, "same group", LAWYER), ENDED);
        assertThat(at(REPORTED).orElseThrow().mergedInto()).isNull();
        assertThat(at(ENDED).orElseThrow().mergedInto()).isEqualTo(survivor);
        assertThat(at(ENDED).orElseThrow().status()).isEqualTo(IncidentStatus.MERGED);
    }
}
