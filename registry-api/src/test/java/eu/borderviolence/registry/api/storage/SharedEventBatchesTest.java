package eu.borderviolence.registry.api.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
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

    /** Readers that have each read a full batch far from the others, and so count as behind the head. */
    private List<SharedEventBatches.Reader> behind(SharedEventBatches shared, int count) {
        List<SharedEventBatches.Reader> readers = new ArrayList<>();
        for (int reader = 0; reader < count; reader++) {
            readers.add(shared.reader());
            readers.get(reader).read(at(1000 + 100L * reader), history(10_000));
        }
        reads.set(0);
        return readers;
    }

    @Test
    void aFullBatchIsKeptUntilEveryOtherReaderBehindTheHeadHasTakenIt() {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 3);
        SharedEventBatches.Batch first = readers.get(0).read(null, history(100));
        assertThat(readers.get(1).read(null, history(100))).isSameAs(first);
        assertThat(readers.get(2).read(null, history(100))).isSameAs(first);
        SharedEventBatches.Batch next = readers.get(1).read(at(10), history(100));
        assertThat(next.messages()).extracting(TrackedEventMessage::trackingToken).first().isEqualTo(at(11));
        assertThat(reads).hasValue(2);

        // taken by both others, the first batch is gone: a reader asking again reads it again
        assertThat(readers.get(0).read(null, history(100))).isNotSameAs(first);
        assertThat(reads).hasValue(3);
    }

    @Test
    void aReaderAloneBehindTheHeadKeepsNothing() {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 2);
        readers.get(1).close(); // its stream closed
        readers.get(0).read(at(0), history(100));
        shared.reader().read(at(0), history(100));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReaderThatReadNothingForAWhileNoLongerCountsAsBehind() throws Exception {
        SharedEventBatches shared = SharedEventBatches.of(1_000, Duration.ofSeconds(30), Duration.ofMillis(50),
                new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 2);
        Thread.sleep(200); // neither reads, and the second is never closed (a stream left open, or stuck)
        readers.get(0).read(at(0), history(100));
        readers.get(1).read(at(0), history(100));
        assertThat(reads).as("nothing kept for a reader that stopped").hasValue(2);
    }

    @Test
    void theHeadOfTheHistoryIsReadByEachReader() {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 2);
        assertThat(readers.get(0).read(at(95), history(100)).messages()).hasSize(5);
        assertThat(readers.get(1).read(at(95), history(103)).messages()).as("what came since").hasSize(8);
        assertThat(readers.get(0).read(at(100), history(100)).stored()).isZero();
        assertThat(readers.get(1).read(at(100), history(100)).stored()).isZero();
        assertThat(reads).hasValue(4);
    }

    @Test
    void noMoreEventsAreKeptThanAllowedTheOldestReadDroppedFirst() {
        SharedEventBatches shared = SharedEventBatches.of(3 * BATCH, new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 2);
        for (long position = 0; position < 100; position += BATCH) {
            readers.get(0).read(at(position), history(100));
        }
        reads.set(0);
        readers.get(1).read(at(90), history(100)); // among the newest
        assertThat(reads).hasValue(0);
        readers.get(1).read(at(0), history(100)); // the oldest, long dropped
        assertThat(reads).hasValue(1);
    }

    /**
     * Two readers behind the head and a window of three batches that reader 0 has filled, read from positions 0, 10
     * and 20; a reader ahead of them waits at most {@code roomWait} for the other.
     */
    private List<SharedEventBatches.Reader> windowFilled(Duration roomWait) {
        SharedEventBatches shared = SharedEventBatches.of(3 * BATCH, roomWait, Duration.ofMinutes(1),
                new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 2);
        for (long position = 0; position < 30; position += BATCH) {
            readers.get(0).read(at(position), history(100));
        }
        reads.set(0);
        return readers;
    }

    @Test
    void aReaderAheadOfAFullWindowWaitsForTheOthersToTakeTheOldest() throws Exception {
        List<SharedEventBatches.Reader> readers = windowFilled(Duration.ofSeconds(30));
        ExecutorService ahead = Executors.newSingleThreadExecutor();
        try {
            Future<SharedEventBatches.Batch> next = ahead.submit(() -> readers.get(0).read(at(30), history(100)));
            Thread.sleep(200);
            assertThat(next).as("waiting while the window is full").isNotDone();
            readers.get(1).read(at(0), history(100)); // the other reader takes the oldest
            assertThat(next.get(10, TimeUnit.SECONDS).messages()).hasSize(BATCH);
            assertThat(reads).as("the next batch only").hasValue(1);
        } finally {
            ahead.shutdownNow();
        }
    }

    @Test
    void aReaderThatStopsTakingHoldsTheOneAheadBackOnlyBriefly() {
        List<SharedEventBatches.Reader> readers = windowFilled(Duration.ofMillis(10));
        for (long position = 30; position < 100; position += BATCH) {
            assertThat(readers.get(0).read(at(position), history(100)).messages()).hasSize(BATCH);
        }
        assertThat(reads).hasValue(7);
    }

    @Test
    void aReaderBehindTheBatchesKeptNeverWaits() throws Exception {
        List<SharedEventBatches.Reader> readers = windowFilled(Duration.ofSeconds(30));
        ExecutorService behind = Executors.newSingleThreadExecutor();
        try {
            // position 5 was never kept: this reader reads it itself, at once
            assertThat(behind.submit(() -> readers.get(1).read(at(5), history(100))).get(10, TimeUnit.SECONDS)
                    .messages()).hasSize(BATCH);
        } finally {
            behind.shutdownNow();
        }
    }

    @Test
    void nothingIsKeptWhenSharingIsOff() {
        SharedEventBatches none = SharedEventBatches.of(0, new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(none, 2);
        readers.get(0).read(at(0), history(100));
        readers.get(1).read(at(0), history(100));
        assertThat(reads).hasValue(2);
    }

    @Test
    void readersAskingWhileAPositionIsBeingReadWaitForThatRead() throws Exception {
        SharedEventBatches shared = SharedEventBatches.of(1_000, new SimpleMeterRegistry());
        List<SharedEventBatches.Reader> readers = behind(shared, 3);
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
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<SharedEventBatches.Batch> first = threads.submit(() -> readers.get(0).read(at(0), slow));
            assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<SharedEventBatches.Batch>> others = List.of(
                    threads.submit(() -> readers.get(1).read(at(0), slow)),
                    threads.submit(() -> readers.get(2).read(at(0), slow)));
            Thread.sleep(100);
            release.countDown();
            for (Future<SharedEventBatches.Batch> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            }
            assertThat(reads).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
