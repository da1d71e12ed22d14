package eu.borderviolence.registry.api.config;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.NANOSECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

class PromptCoordinatorExecutorTest {

    private final PromptCoordinatorExecutor executor =
            new PromptCoordinatorExecutor("incident-summary", Duration.ofMillis(20));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theWaitAfterAFullBufferIsShortened() {
        ScheduledFuture<?> next = executor.schedule(() -> { }, 100, MILLISECONDS);

        assertThat(next.getDelay(MILLISECONDS)).isLessThanOrEqualTo(20);
    }

    @Test
    void everyOtherDelayIsKept() {
        assertThat(executor.schedule(() -> { }, 5, SECONDS).getDelay(MILLISECONDS)).isGreaterThan(4_000);
        assertThat(executor.schedule(() -> { }, 500, MILLISECONDS).getDelay(MILLISECONDS)).isGreaterThan(100);
        assertThat(executor.schedule(() -> { }, 100_500_000, NANOSECONDS).getDelay(MILLISECONDS)).isGreaterThan(20);
    }

    @Test
    void runsOnACoordinatorThreadNamedAsAxonNamesIt() throws Exception {
        String thread = executor.submit(() -> Thread.currentThread().getName()).get(10, SECONDS);

        assertThat(thread).startsWith("Coordinator[incident-summary]");
    }

    /**
     * The wait this executor shortens is Axon's, not the registry's: if an upgrade of Axon no longer asks for it, the
     * executor does nothing and this test says so.
     */
    @Test
    void axonsCoordinatorAsksForThatWaitOnceAWorkPackageIsFull() throws Exception {
        EmbeddedEventStore events = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        events.publish(IntStream.range(0, 1_500).mapToObj(i -> GenericEventMessage.asEventMessage("event " + i))
                .toList());
        BlockedView view = new BlockedView();
        DelaysAsked coordinator = new DelaysAsked();
        ScheduledThreadPoolExecutor workers = new ScheduledThreadPoolExecutor(1);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("blocked-view")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(view).build())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .batchSize(100)
                .build();
        processor.start();
        try {
            // the view holds its first event, so the coordinator fills the work package's buffer and waits
            long until = System.nanoTime() + SECONDS.toNanos(30);
            while (!coordinator.asked.contains(MILLISECONDS.toNanos(PromptCoordinatorExecutor.FULL_BUFFER_WAIT_MILLIS))
                    && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertThat(coordinator.asked)
                    .contains(MILLISECONDS.toNanos(PromptCoordinatorExecutor.FULL_BUFFER_WAIT_MILLIS));
        } finally {
            view.release.countDown();
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
            events.shutDown();
        }
    }

    /** A view whose handler waits until it is released. */
    static final class BlockedView {

        final CountDownLatch release = new CountDownLatch(1);

        @EventHandler
        void on(String event) throws InterruptedException {
            release.await(30, SECONDS);
        }
    }

    /** A coordinator's executor that notes every delay it is asked for, in nanoseconds. */
    static final class DelaysAsked extends ScheduledThreadPoolExecutor {

        final Queue<Long> asked = new ConcurrentLinkedQueue<>();

        DelaysAsked() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            asked.add(unit.toNanos(delay));
            return super.schedule(command, delay, unit);
        }
    }
}
