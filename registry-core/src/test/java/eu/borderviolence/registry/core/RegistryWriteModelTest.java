package eu.borderviolence.registry.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.core.api.AlreadyRecordedException;
import eu.borderviolence.registry.core.api.ConfidenceStatus;
import eu.borderviolence.registry.core.api.CorrectIncidentFactsCommand;
import eu.borderviolence.registry.core.api.CorroborateIncidentCommand;
import eu.borderviolence.registry.core.api.CorroborationSource;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.MergeIncidentsCommand;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.RefusedException;
import eu.borderviolence.registry.core.api.RetractIncidentCommand;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyId;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.core.api.TestimonySubmitted;
import eu.borderviolence.registry.core.incident.IncidentModule;
import eu.borderviolence.registry.core.testimony.TestimonyModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static eu.borderviolence.registry.core.Samples.LAWYER;
import static eu.borderviolence.registry.core.Samples.MONITOR;
import static eu.borderviolence.registry.core.Samples.circumstances;
import static eu.borderviolence.registry.core.Samples.hungaryToSerbiaPushback;
import static eu.borderviolence.registry.core.Samples.pashtoWitness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The write model as the application runs it: both modules in one Axon configuration, commands through the command
 * gateway, events in an in-memory event store. Tests what the aggregate fixture cannot: the handlers that act on
 * two aggregates in one unit of work, and that a refusal stores nothing.
 *
 * <p>The in-memory storage engine does not enforce the unique (aggregate id, sequence number) key that the JPA and
 * JDBC engines get from their schema: submitting the very same new-incident testimony twice stores both copies here,
 * where those engines refuse the second with an {@code AggregateStreamCreationException}. So that case is not tested
 * here; the testimony attached twice to one incident, which the incident itself refuses, is.
 */
class RegistryWriteModelTest {

    private static final String MERGE_REASON = "same group, same night, same fence section";

    private final TestVault vault = new TestVault();
    private InMemoryEventStorageEngine storage;
    private Configuration config;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        storage = new InMemoryEventStorageEngine();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage);
        new IncidentModule().configureModule(configurer);
        new TestimonyModule(vault).configureModule(configurer);
        config = configurer.start();
        commands = config.commandGateway();
    }

    @AfterEach
    void shutDown() {
        config.shutdown();
    }

    private static SubmitTestimonyCommand aboutNewIncident(TestimonyId testimony, IncidentId incident) {
        return new SubmitTestimonyCommand(testimony, incident, false, circumstances(), hungaryToSerbiaPushback(),
                pashtoWitness(), MONITOR);
    }

    private static SubmitTestimonyCommand aboutExistingIncident(TestimonyId testimony, IncidentId incident) {
        return new SubmitTestimonyCommand(testimony, incident, true, circumstances(), hungaryToSerbiaPushback(),
                pashtoWitness(), MONITOR);
    }

    private static MergeIncidentsCommand merge(IncidentId duplicate, Long expectedVersion, IncidentId survivor) {
        return new MergeIncidentsCommand(duplicate, expectedVersion, survivor, MERGE_REASON, LAWYER);
    }

    private List<DomainEventMessage<?>> streamOf(Object aggregateId) {
        return config.eventStore().readEvents(aggregateId.toString()).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    private List<Object> eventsOf(Object aggregateId) {
        return streamOf(aggregateId).stream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private List<Object> everythingStored() {
        return storage.readEvents(null, false).map(Message::getPayload).map(Object.class::cast).toList();
    }

    /** Two incidents with one testimony each, the duplicate at version 1, the survivor at version 1. */
    private Two twoReportsOfOnePushback() {
        Two two = new Two(IncidentId.random(), TestimonyId.random(), IncidentId.random(), TestimonyId.random());
        commands.sendAndWait(aboutNewIncident(two.duplicateTestimony, two.duplicate));
        commands.sendAndWait(aboutNewIncident(two.survivorTestimony, two.survivor));
        return two;
    }

    private record Two(IncidentId duplicate, TestimonyId duplicateTestimony, IncidentId survivor,
                       TestimonyId survivorTestimony) {
    }

    // submitting testimonies

    @Test
    void aTestimonyAboutANewIncidentReportsTheIncidentAndRecordsTheTestimony() {
        IncidentId incident = IncidentId.random();
        TestimonyId testimony = TestimonyId.random();

        TestimonySubmitted submitted = commands.sendAndWait(aboutNewIncident(testimony, incident));

        assertThat(submitted).isEqualTo(new TestimonySubmitted(testimony, incident, true));
        assertThat(eventsOf(incident)).containsExactly(
                new IncidentReportedEvent(incident, hungaryToSerbiaPushback(), MONITOR),
                new TestimonyAttachedEvent(incident, testimony, MONITOR));
        assertThat(eventsOf(testimony)).containsExactly(new TestimonyRecordedEvent(testimony, incident,
                circumstances(), hungaryToSerbiaPushback(), TestVault.sealedFor(testimony, pashtoWitness()), MONITOR));
        assertThat(everythingStored()).hasSize(3);
    }

    @Test
    void theWitnessesPersonalDataIsStoredInTheTestimonyOnly() throws Exception {
        IncidentId incident = IncidentId.random();
        TestimonyId testimony = TestimonyId.random();
        commands.sendAndWait(aboutNewIncident(testimony, incident));

        ObjectMapper json = StoredJson.mapper();
        String incidentEvents = json.writeValueAsString(eventsOf(incident));
        String testimonyEvents = json.writeValueAsString(eventsOf(testimony));

        // Sealed by the vault before it is stored: no event holds the witness's data in the clear.
        assertThat(testimonyEvents).doesNotContain(Samples.PASHTO_NARRATIVE, Samples.WITNESS_PSEUDONYM,
                Samples.WITNESS_CONTACT);
        assertThat(vault.open(((TestimonyRecordedEvent) eventsOf(testimony).get(0)).witness()))
                .contains(pashtoWitness());
        assertThat(incidentEvents).doesNotContain(Samples.PASHTO_NARRATIVE, Samples.NARRATIVE_TRANSLATION,
                Samples.WITNESS_PSEUDONYM, Samples.WITNESS_CONTACT);
    }

    @Test
    void aTestimonyAboutAnExistingIncidentIsAttachedToIt() {
        IncidentId incident = IncidentId.random();
        TestimonyId first = TestimonyId.random();
        TestimonyId second = TestimonyId.random();
        commands.sendAndWait(aboutNewIncident(first, incident));

        TestimonySubmitted submitted = commands.sendAndWait(aboutExistingIncident(second, incident));

        assertThat(submitted).isEqualTo(new TestimonySubmitted(second, incident, false));
        assertThat(eventsOf(incident)).containsExactly(
                new IncidentReportedEvent(incident, hungaryToSerbiaPushback(), MONITOR),
                new TestimonyAttachedEvent(incident, first, MONITOR),
                new TestimonyAttachedEvent(incident, second, MONITOR));
        assertThat(eventsOf(second)).singleElement().isInstanceOf(TestimonyRecordedEvent.class);
    }

    @Test
    void aTestimonyAboutAMissingIncidentIsRefusedAndNothingIsStored() {
        IncidentId missing = IncidentId.random();
        TestimonyId testimony = TestimonyId.random();

        assertThatThrownBy(() -> commands.sendAndWait(aboutExistingIncident(testimony, missing)))
                .isInstanceOf(AggregateNotFoundException.class);

        assertThat(everythingStored()).isEmpty();
    }

    @Test
    void theSameTestimonySubmittedAgainToItsIncidentIsRefusedAndNothingIsStored() {
        IncidentId incident = IncidentId.random();
        TestimonyId testimony = TestimonyId.random();
        commands.sendAndWait(aboutNewIncident(testimony, incident));

        assertThatThrownBy(() -> commands.sendAndWait(aboutExistingIncident(testimony, incident)))
                .isInstanceOf(AlreadyRecordedException.class);

        assertThat(eventsOf(testimony)).hasSize(1);
        assertThat(eventsOf(incident)).hasSize(2);
        assertThat(everythingStored()).hasSize(3);
    }

    // corrections through the repository

    @Test
    void aCorrectionAnswersWithTheVersionItStoredTheCorrectionAt() {
        IncidentId incident = IncidentId.random();
        commands.sendAndWait(aboutNewIncident(TestimonyId.random(), incident));

        Long version = commands.sendAndWait(new CorrectIncidentFactsCommand(incident, 1L, withGroupOf(14),
                "the witness recounted the group", LAWYER));

        List<DomainEventMessage<?>> stream = streamOf(incident);
        DomainEventMessage<?> last = stream.get(stream.size() - 1);
        assertThat(last.getPayload()).isInstanceOf(IncidentFactsCorrectedEvent.class);
        assertThat(version).isEqualTo(last.getSequenceNumber()).isEqualTo(2L);
    }

    @Test
    void aCorrectionBasedOnAnOlderVersionIsRefusedAndNothingIsStored() {
        IncidentId incident = IncidentId.random();
        commands.sendAndWait(aboutNewIncident(TestimonyId.random(), incident));
        commands.sendAndWait(new CorrectIncidentFactsCommand(incident, 1L, withGroupOf(14),
                "the witness recounted the group", LAWYER));

        // A second lawyer still looking at version 1 corrects the group size differently.
        assertThatThrownBy(() -> commands.sendAndWait(new CorrectIncidentFactsCommand(incident, 1L, withGroupOf(15),
                "another witness counted fifteen", LAWYER)))
                .isInstanceOf(ConflictingAggregateVersionException.class);

        assertThat(eventsOf(incident)).hasSize(3);
    }

    private static IncidentFacts withGroupOf(int size) {
        IncidentFacts facts = hungaryToSerbiaPushback();
        return new IncidentFacts(facts.kind(), facts.date(), facts.place(), facts.borderLegs(),
                new PeopleAffected(size, 3, 1, null, 0, null, null), facts.nationalities(), facts.authorities(),
                facts.frontex(), facts.violations(), facts.asylum(), facts.confidence(), facts.readmission());
    }

    // merging

    @Test
    void aMergeIsRecordedByBothIncidentsAndTheSurvivorTakesOverTheTestimonies() {
        Two two = twoReportsOfOnePushback();

        commands.sendAndWait(merge(two.duplicate(), 1L, two.survivor()));

        assertThat(eventsOf(two.duplicate())).last()
                .isEqualTo(new IncidentMergedEvent(two.duplicate(), two.survivor(), MERGE_REASON, LAWYER));
        assertThat(eventsOf(two.survivor())).last()
                .isEqualTo(new DuplicateIncidentAbsorbedEvent(two.survivor(), two.duplicate(),
                        List.of(two.duplicateTestimony()), MERGE_REASON, LAWYER));
        assertThatThrownBy(() -> commands.sendAndWait(
                aboutExistingIncident(two.duplicateTestimony(), two.survivor())))
                .isInstanceOf(AlreadyRecordedException.class);
    }

    @Test
    void aMergedIncidentSendsWhoeverWantsToChangeItToTheSurvivor() {
        Two two = twoReportsOfOnePushback();
        commands.sendAndWait(merge(two.duplicate(), null, two.survivor()));

        assertThatThrownBy(() -> commands.sendAndWait(aboutExistingIncident(TestimonyId.random(), two.duplicate())))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("use incident " + two.survivor());
    }

    @Test
    void anIncidentCannotBeMergedIntoItself() {
        Two two = twoReportsOfOnePushback();

        assertThatThrownBy(() -> commands.sendAndWait(merge(two.duplicate(), 1L, two.duplicate())))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("into itself");

        assertThat(everythingStored()).hasSize(6);
    }

    @Test
    void aMergeIntoARetractedIncidentIsRefusedAndTheDuplicateStaysActive() {
        Two two = twoReportsOfOnePushback();
        commands.sendAndWait(new RetractIncidentCommand(two.survivor(), 1L, "not a pushback after all", LAWYER));
        List<Object> duplicateBefore = eventsOf(two.duplicate());

        assertThatThrownBy(() -> commands.sendAndWait(merge(two.duplicate(), 1L, two.survivor())))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("retracted");

        assertThat(eventsOf(two.duplicate())).isEqualTo(duplicateBefore)
                .noneMatch(IncidentMergedEvent.class::isInstance);
        assertThat(everythingStored()).hasSize(7);
        // and it still takes changes, as an active incident does
        Long version = commands.sendAndWait(new CorroborateIncidentCommand(two.duplicate(), 1L,
                CorroborationSource.MEDICAL_REPORT, null, ConfidenceStatus.CONFIRMED, LAWYER));
        assertThat(version).isEqualTo(2L);
    }

    @Test
    void aMergeIntoAMissingIncidentIsRefusedAndTheDuplicateStaysActive() {
        Two two = twoReportsOfOnePushback();

        assertThatThrownBy(() -> commands.sendAndWait(merge(two.duplicate(), 1L, IncidentId.random())))
                .isInstanceOf(AggregateNotFoundException.class);

        assertThat(eventsOf(two.duplicate())).noneMatch(IncidentMergedEvent.class::isInstance);
        assertThat(everythingStored()).hasSize(6);
    }

    @Test
    void aMergeBasedOnAnOlderVersionOfTheDuplicateIsRefused() {
        Two two = twoReportsOfOnePushback();
        commands.sendAndWait(new CorroborateIncidentCommand(two.duplicate(), 1L,
                CorroborationSource.PHOTO_OR_VIDEO, null, ConfidenceStatus.CONFIRMED, LAWYER));

        assertThatThrownBy(() -> commands.sendAndWait(merge(two.duplicate(), 1L, two.survivor())))
                .isInstanceOf(ConflictingAggregateVersionException.class);

        assertThat(eventsOf(two.duplicate())).noneMatch(IncidentMergedEvent.class::isInstance);
        assertThat(eventsOf(two.survivor())).noneMatch(DuplicateIncidentAbsorbedEvent.class::isInstance);
        assertThat(everythingStored()).hasSize(7);
    }

    @Test
    void aMergeBasedOnAVersionOfTheDuplicateThatDoesNotExistIsRefused() {
        Two two = twoReportsOfOnePushback();

        assertThatThrownBy(() -> commands.sendAndWait(merge(two.duplicate(), 5L, two.survivor())))
                .isInstanceOf(ConflictingAggregateVersionException.class);

        assertThat(everythingStored()).hasSize(6);
    }
}
