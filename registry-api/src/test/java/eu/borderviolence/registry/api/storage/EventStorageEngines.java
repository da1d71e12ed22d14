package eu.borderviolence.registry.api.storage;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ApplicationContext;

/** Event storage engines on a running registry's event table, to compare the registry's with Axon's own. */
public final class EventStorageEngines {

    private EventStorageEngines() {
    }

    /** The registry's engine ({@link IndexedGapsEventStorageEngine}) or Axon's, reading batches of the given size. */
    public static EventStorageEngine on(ApplicationContext app, int batchSize, boolean indexedGaps) {
        JpaEventStorageEngine.Builder builder = builder(app, batchSize);
        return indexedGaps ? new IndexedGapsEventStorageEngine(builder) : builder.build();
    }

    /** The registry's engine, sharing the batches it reads through {@code shared}. */
    public static EventStorageEngine sharing(ApplicationContext app, int batchSize, SharedEventBatches shared) {
        return new IndexedGapsEventStorageEngine(builder(app, batchSize), shared);
    }

    private static JpaEventStorageEngine.Builder builder(ApplicationContext app, int batchSize) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(app.getBean(Serializer.class))
                .eventSerializer(app.getBean("eventSerializer", Serializer.class))
                .entityManagerProvider(app.getBean(EntityManagerProvider.class))
                .transactionManager(app.getBean(TransactionManager.class))
                .batchSize(batchSize);
    }
}
