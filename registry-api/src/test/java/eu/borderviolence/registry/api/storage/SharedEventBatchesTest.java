package eu.borderviolence.registry.api.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reads of the event store are shared between readers, and which each reader makes itself. */
class SharedEventBatchesTest {

    private static final int BATCH = 10;

    private final AtomicInteger reads = new AtomicInteger();

    /** Reads {@link #BATCH} events after the position from a history of {@code head} events. */
    private Function<TrackingToken, SharedEventBatches.Batch> history(long head) {
        return position -> {
            reads.incrementAndGet();
            long from = position == null ? 0 : ((GlobalSequenceTrackingToken) position).getGlobalIndex();
            List<TrackedEventMessage<?>> events = LongStream.rangeClosed(from + 1, Math.min(head, from + BATCH))
                    .<TrackedEventMessage<?>>mapToObj(SharedEventBatchesTest::event).toList();
            TrackingToken last = events.isEmpty() ? position : events.get(events.size() - 1).trackingToken();
            return new SharedEventBatches.Batch(events, last, events.size(), events.size() == BATCH);
        };
    }

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

    private static TrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    @Test
    void aFullBatchIsReadOnceForEveryReaderOfItsPosition() {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        SharedEventBatches.Batch first = shared.read(null, history(100));
        SharedEventBatches.Batch again = shared.read(null, history(100));
        SharedEventBatches.Batch next = shared.read(at(10), history(100));

        assertThat(again).isSameAs(first);
        assertThat(next.messages()).extracting(TrackedEventMessage::trackingToken).first().isEqualTo(at(11));
        assertThat(reads).hasValue(2);
    }

    @Test
    void theHeadOfTheHistoryIsReadByEachReader() {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        assertThat(shared.read(at(95), history(100)).messages()).hasSize(5);
        assertThat(shared.read(at(95), history(103)).messages()).as("what came since").hasSize(8);
        assertThat(shared.read(at(100), history(100)).stored()).isZero();
        assertThat(shared.read(at(100), history(100)).stored()).isZero();
        assertThat(reads).hasValue(4);
    }

    @Test
    void noMoreEventsAreKeptThanAllowedTheOldestReadDroppedFirst() {
        SharedEventBatches shared = SharedEventBatches.of(3 * BATCH, new SimpleMeterRegistry());
        for (long position = 0; position < 100; position += BATCH) {
            shared.read(at(position), history(100));
        }
        reads.set(0);
        shared.read(at(90), history(100)); // among the newest
        assertThat(reads).hasValue(0);
        shared.read(at(0), history(100)); // the oldest, long dropped
        assertThat(reads).hasValue(1);
    }

    @Test
    void nothingIsKeptWhenSharingIsOff() {
        SharedEventBatches none = SharedEventBatches.of(0, new SimpleMeterRegistry());
        none.read(at(0), history(100));
        none.read(at(0), history(100));
        assertThat(reads).hasValue(2);
    }

    @Test
    void readersAskingWhileAPositionIsBeingReadWaitForThatRead() throws Exception {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<TrackingToken, SharedEventBatches.Batch> slow = position -> {
            reading.countDown();
            try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return history(100).apply(position);
        };
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            Future<SharedEventBatches.Batch> first = readers.submit(() -> shared.read(at(0), slow));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<SharedEventBatches.Batch>> others = List.of(
                    readers.submit(() -> shared.read(at(0), slow)), readers.submit(() -> shared.read(at(0), slow)));
            Thread.sleep(100);
            release.countDown();
            for (Future<SharedEventBatches.Batch> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            }
            assertThat(reads).hasValue(1);
        } finally {
            readers.shutdownNow();
        }
    }
}
