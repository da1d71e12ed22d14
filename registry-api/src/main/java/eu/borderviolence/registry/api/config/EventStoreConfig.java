package eu.borderviolence.registry.api.config;

import eu.borderviolence.registry.api.storage.IndexedGapsEventStorageEngine;
import eu.borderviolence.registry.api.storage.SharedEventBatches;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: Axon's JPA storage engine as its Spring Boot auto-configuration builds it, with the events after a
 * processor's position read by index while the position has gaps ({@link IndexedGapsEventStorageEngine}), and each
 * batch read behind the history's head kept for the other processors reading the same stretch
 * ({@link SharedEventBatches}; {@code registry.views.shared-reads} events at most, 0 for none).
 *
 * <p>Declaring the engine turns Axon's {@code JpaEventStoreAutoConfiguration} off as a whole, the registration of the
 * event and snapshot entities with JPA included, so this registers them as it did.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfig {

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration,
                                                 EntityManagerProvider entityManagerProvider,
                                                 TransactionManager transactionManager,
                                                 @Value("${registry.views.shared-reads:3000}") int sharedReads,
                                                 MeterRegistry meters) {
        return new IndexedGapsEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), SharedEventBatches.of(sharedReads, meters));
    }
}
