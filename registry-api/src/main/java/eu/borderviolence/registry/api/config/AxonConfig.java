package eu.borderviolence.registry.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.borderviolence.registry.core.incident.IncidentModule;
import eu.borderviolence.registry.api.crypto.KeyVault;
import eu.borderviolence.registry.api.crypto.MasterKey;
import eu.borderviolence.registry.core.testimony.TestimonyModule;
import eu.borderviolence.registry.core.testimony.TestimonyRecordedEventUpcaster;
import eu.borderviolence.registry.core.testimony.WitnessVault;
import eu.borderviolence.registry.api.storage.Durability;
import eu.borderviolence.registry.api.storage.DurableCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon's write model, serialization and metadata.
 *
 * <p>Stored events are a permanent contract, so they get their own Jackson mapper, pinned here, instead of Spring's
 * web mapper: a change to {@code spring.jackson.*} for the API must never change what is written to the event store.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The JSON settings of everything Axon stores: events, snapshots, tokens. ISO-8601 dates, unknown fields refused. */
    public static ObjectMapper storedJson() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return StoredJsonSerializer.of(storedJson());
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return StoredJsonSerializer.of(storedJson());
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return StoredJsonSerializer.of(storedJson());
    }

    /** Copies who, which organisation, the correlation id and the client's request id from commands onto events. */
    @Bean
    public CorrelationDataProvider registryMetaDataProvider() {
        return new CommandMetaData();
    }

    @Bean
    public IncidentModule incidentModule() {
        return new IncidentModule();
    }

    @Bean
    public TestimonyModule testimonyModule(WitnessVault vault) {
        return new TestimonyModule(vault);
    }

    /** Seals witnesses' data with their own keys, wrapped by the master key; in the command's transaction. */
    @Bean
    public KeyVault witnessVault(JdbcTemplate jdbc, MasterKey master, Clock clock) {
        return new KeyVault(jdbc, master, storedJson(), clock);
    }

    /**
     * Every pooled processor's claims and coordinator. Axon keeps one such configuration for all processors, so both
     * settings are made here together.
     *
     * <p>How often a processor renews its segment claims, and at the latest stores the position of a segment that
     * passed over events that were not its to handle: other nodes read those positions (a read with
     * {@code consistency=STRONG} on a node that holds none of the segments), so this bounds how stale they are.
     * Axon's default is 5 s; claims expire after {@code axon.eventhandling.tokenstore.claim-timeout} (10 s).
     *
     * <p>Each coordinator runs on a thread of its own, as Axon makes it, but reads on sooner after a work package's
     * buffer was full ({@link PromptCoordinatorExecutor}): a view rebuilt or catching up then applies events as fast
     * as it can instead of at most about 1,024 per 100 ms.
     */
    @Bean
    public ConfigurerModule pooledProcessors(@Value("${registry.views.claim-extension:1s}") Duration extension,
                                             @Value("${registry.views.full-buffer-wait:20ms}") Duration fullBufferWait) {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder
                        .claimExtensionThreshold(extension.toMillis())
                        .coordinatorExecutor(processorName -> {
                            PromptCoordinatorExecutor executor =
                                    new PromptCoordinatorExecutor(processorName, fullBufferWait);
                            configuration.onShutdown(executor::shutdown);
                            return executor;
                        }));
    }

    /**
     * The metrics of the event processors and of the command and query buses ({@link MessageMeters}: axon-micrometer's
     * meters, made once per payload type) in place of axon-micrometer's monitors, which look them up for every
     * message and keep every message's time for ten minutes. A monitor for a type of component takes precedence over
     * axon-micrometer's default for all components, which still serves the event bus.
     */
    @Bean
    public ConfigurerModule messageMeters(MeterRegistry meters) {
        return configurer -> configurer
                .configureMessageMonitor(EventProcessor.class,
                        (configuration, componentType, processor) -> MessageMeters.ofProcessor(processor, meters))
                .configureMessageMonitor(CommandBus.class,
                        (configuration, componentType, bus) -> MessageMeters.ofBus(bus, meters))
                .configureMessageMonitor(QueryBus.class,
                        (configuration, componentType, bus) -> MessageMeters.ofBus(bus, meters));
    }

    /** Flushes answered writes to disk where the database does not do so on commit (H2). */
    @Bean
    public Durability durability(DataSource dataSource, MeterRegistry meters) {
        return Durability.of(dataSource, meters);
    }

    /**
     * Every command is answered only once what it stored is on disk. Axon's Spring Boot auto-configuration
     * ({@code InterceptorAutoConfiguration}) puts every handler interceptor bean for commands on the command bus;
     * registering it here as well ran it twice, and every command waited for two flushes (docs/benchmarks.md).
     */
    @Bean
    public DurableCommands durableCommands(Durability durability) {
        return new DurableCommands(durability);
    }

    /** Reads testimonies stored before witnesses' data was encrypted. */
    @Bean
    public TestimonyRecordedEventUpcaster testimonyRecordedEventUpcaster() {
        return new TestimonyRecordedEventUpcaster();
    }
}
