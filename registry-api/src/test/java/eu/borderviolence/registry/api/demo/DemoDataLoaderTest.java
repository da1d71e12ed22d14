package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.RegistryApplication;
import eu.borderviolence.registry.api.config.AxonConfig;
import eu.borderviolence.registry.api.config.CommandMetaData;
import eu.borderviolence.registry.api.config.StoredJsonSerializer;
import eu.borderviolence.registry.core.api.DuplicateIncidentAbsorbedEvent;
import eu.borderviolence.registry.core.api.IncidentCorroboratedEvent;
import eu.borderviolence.registry.core.api.IncidentFactsCorrectedEvent;
import eu.borderviolence.registry.core.api.IncidentMergedEvent;
import eu.borderviolence.registry.core.api.IncidentReportedEvent;
import eu.borderviolence.registry.core.api.IncidentRetractedEvent;
import eu.borderviolence.registry.core.api.RegistryMetaData;
import eu.borderviolence.registry.core.api.SubmitTestimonyCommand;
import eu.borderviolence.registry.core.api.TestimonyAttachedEvent;
import eu.borderviolence.registry.core.api.TestimonyRecordedEvent;
import eu.borderviolence.registry.api.crypto.InMemoryKeys;
import eu.borderviolence.registry.core.incident.IncidentModule;
import eu.borderviolence.registry.core.testimony.TestimonyModule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the default demo data set through the real incident and testimony aggregates on an in-memory event store:
 * every step must be accepted, in the order given, and every event it causes must survive the stored JSON format.
 */
class DemoDataLoaderTest {

    private Configuration axon;
    private final List<EventMessage<?>> published = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startAxon() {
        RegistryApplication.disableAxonUpdateChecker();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureSerializer(config -> storedJson())
                .configureCorrelationDataProviders(config -> List.of(new CommandMetaData()));
        new IncidentModule().configureModule(configurer);
        new TestimonyModule(InMemoryKeys.vault()).configureModule(configurer);
        axon = configurer.start();
        axon.eventStore().subscribe(published::addAll);
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void theAggregatesAcceptEveryStepOfTheDefaultDataSet() {
        List<DemoStep> steps = DemoDataSet.generate(DemoDataSet.DEFAULT_SEED, DemoDataSet.DEFAULT_TESTIMONIES);
        long submissions = steps.stream().filter(step -> step.command() instanceof SubmitTestimonyCommand).count();
        long newIncidents = steps.stream().map(DemoStep::command)
                .filter(command -> command instanceof SubmitTestimonyCommand s && !s.existingIncident()).count();

        loader(DemoDataSet.DEFAULT_TESTIMONIES).run(null);

        assertThat(count(IncidentReportedEvent.class)).isEqualTo(newIncidents);
        assertThat(count(TestimonyRecordedEvent.class)).isEqualTo(submissions);
        assertThat(count(TestimonyAttachedEvent.class)).isEqualTo(submissions);
        assertThat(count(IncidentFactsCorrectedEvent.class)).isEqualTo(6);
        assertThat(count(IncidentCorroboratedEvent.class)).isEqualTo(8);
        assertThat(count(IncidentMergedEvent.class)).isEqualTo(2);
        assertThat(count(DuplicateIncidentAbsorbedEvent.class)).isEqualTo(2);
        assertThat(count(IncidentRetractedEvent.class)).isEqualTo(2);
    }

    @Test
    void everyEventCarriesWhoCausedItAndSurvivesTheStoredFormat() {
        loader(60).run(null);
        Serializer serializer = storedJson();

        assertThat(published).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getMetaData()).containsKeys(RegistryMetaData.PRINCIPAL, RegistryMetaData.ORGANISATION,
                    RegistryMetaData.CORRELATION_ID);
            assertThat((String) event.getMetaData().get(RegistryMetaData.CORRELATION_ID)).startsWith("demo-11-step-");
            SerializedObject<byte[]> stored = serializer.serialize(event.getPayload(), byte[].class);
            Object readBack = serializer.deserialize(stored);
            assertThat(readBack).isEqualTo(event.getPayload());
            // What the registry reads back is what Axon's own serializer reads from the same bytes.
            assertThat(readBack).isEqualTo(AXON.deserialize(stored));
            SerializedObject<byte[]> metaData = serializer.serialize(event.getMetaData(), byte[].class);
            assertThat((Object) serializer.deserialize(metaData))
                    .isEqualTo(event.getMetaData()).isEqualTo(AXON.deserialize(metaData));
        });
    }

    @Test
    void leavesARegistryThatAlreadyHoldsEventsAlone() {
        loader(30).run(null);
        int afterFirstLoad = published.size();

        loader(30).run(null);

        assertThat(afterFirstLoad).isPositive();
        assertThat(published).hasSize(afterFirstLoad);
    }

    @Test
    void isThereOnlyWhenTheDemoIsAskedFor() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withUserConfiguration(DemoDataLoader.class)
                .withBean(EventStore.class, axon::eventStore)
                .withBean(CommandGateway.class, axon::commandGateway);

        context.run(started -> assertThat(started).doesNotHaveBean(DemoDataLoader.class));
        context.withPropertyValues("registry.demo.load=false")
                .run(started -> assertThat(started).doesNotHaveBean(DemoDataLoader.class));
        context.withPropertyValues("registry.demo.load=true")
                .run(started -> assertThat(started).hasSingleBean(DemoDataLoader.class));
    }

    private DemoDataLoader loader(int testimonies) {
        long seed = testimonies == DemoDataSet.DEFAULT_TESTIMONIES ? DemoDataSet.DEFAULT_SEED : 11;
        return new DemoDataLoader(axon.eventStore(), axon.commandGateway(), seed, testimonies);
    }

    private long count(Class<?> payloadType) {
        return published.stream().filter(event -> payloadType.isInstance(event.getPayload())).count();
    }

    private static final Serializer AXON = JacksonSerializer.builder().objectMapper(AxonConfig.storedJson()).build();

    /** The serializer the registry stores with. */
    private static Serializer storedJson() {
        return StoredJsonSerializer.of(AxonConfig.storedJson());
    }
}
