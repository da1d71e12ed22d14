package eu.borderviolence.registry.api.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Batches of stored events, read, upcast and deserialized once for every processor that reads the same stretch of the
 * history.
 *
 * <p>Each view is a processor with a stream of its own. At the head of the history Axon's event store reads the new
 * events once for all of them; behind it (a rebuild, a catch-up, a new replica) every processor read every batch
 * for itself: the same statement, the same rows from the database, every payload and its metadata deserialized
 * again and every timestamp parsed again, once per view. Here a batch is kept, as the messages it made, under the
 * position it was read from, and a processor asking for the events after that same position gets those messages. The
 * messages are immutable and deserialize their payload once, so whichever view handles an event first deserializes it
 * for the others.
 *
 * <p>Only full batches are kept. A full batch is what any read from that position would return apart from events
 * committed since at positions the batch's tokens record as gaps, which a processor then reads with its next batch,
 * as it would had it read the batch itself at that moment. A batch that is not full is the head of the history at
 * the time it was read, and is read again by the next processor that asks. Readers of a position being read at the
 * moment wait for that read instead of repeating it.
 *
 * <p>Each stream reads through a {@link Reader} of its own, which counts as behind the head while its reads return
 * full batches, for ten seconds after the last of them at most. A batch is dropped once every other reader that was
 * behind when it was read has taken it, so that views reading side by side keep their batches only for as long as
 * the slowest of them lags: kept longer, the deserialized events outlived the young collections and made each one
 * three times as long (docs/benchmarks.md).
 * Whatever is not taken, at most {@code events} events are kept, the oldest read dropped first, and none longer than
 * a minute. A view that falls further behind than that reads for itself, and the views behind it then read from what
 * it read. The one that reads first pays for the reading and deserializing the others skip, so views rebuilt
 * together stay close. Batches are dropped strictly in the order they were read: a cache that keeps what is asked
 * for often (Caffeine's policy) would keep the batches every view has read already and turn away the newest, which
 * the others still need.
 */
public final class SharedEventBatches {

    /**
     * What one read from a position returned: its messages, the position of its last stored event, how many stored
     * events it read (upcasters may have made more or fewer messages of them), and whether that was all it asked for.
     */
    public record Batch(List<TrackedEventMessage<?>> messages, TrackingToken last, int stored, boolean full) {

        public Batch {
            messages = List.copyOf(messages);
        }
    }

    /** The position a batch was read from; the start of the history has none. */
    private record From(TrackingToken position) {
    }

    /** A batch kept, when it was read, and how many readers have yet to take it; guarded by the batches' lock. */
    private static final class Kept {

        private final Batch batch;
        private final long readAt;
        private int takers;

        Kept(Batch batch, long readAt, int takers) {
            this.batch = batch;
            this.readAt = readAt;
            this.takers = takers;
        }

        /** One more reader took the batch; whether none is left to take it. */
        boolean takenByAll() {
            return --takers <= 0;
        }
    }

    private static final long KEPT_AT_MOST = Duration.ofMinutes(1).toNanos();
    private static final Duration ROOM_WAIT = Duration.ofMillis(100);
    private static final Duration BEHIND_FOR = Duration.ofSeconds(10);

    private final int events;
    private final Duration roomWait;
    /** In the order read; guarded by {@code this}. */
    private final LinkedHashMap<From, Kept> kept = new LinkedHashMap<>();
    private final Map<From, CompletableFuture<Batch>> reading = new ConcurrentHashMap<>();
    /**
     * Readers whose last read returned a full batch, with when it did. One that read nothing for
     * {@link #BEHIND_FOR} counts no longer, so that a stream left unclosed, or stuck, never holds batches or the
     * others back for long.
     */
    private final Map<Reader, Long> behind = new ConcurrentHashMap<>();
    private final long behindFor;
    private final Counter shared;
    private final Counter read;
    private int keptEvents;

    private SharedEventBatches(int events, Duration roomWait, Duration behindFor, MeterRegistry meters) {
        this.events = events;
        this.roomWait = roomWait;
        this.behindFor = behindFor.toNanos();
        this.shared = Counter.builder("registry.event-batches").tag("read", "shared")
                .description("Batches of stored events a processor took from another's read").register(meters);
        this.read = Counter.builder("registry.event-batches").tag("read", "database")
                .description("Batches of stored events read from the database").register(meters);
        Gauge.builder("registry.event-batches.kept", this, SharedEventBatches::keptEvents)
                .description("Events kept for processors reading behind the history's head").register(meters);
    }

    /** Every read made for its own reader: nothing kept. */
    public static SharedEventBatches none() {
        return new SharedEventBatches(0, ROOM_WAIT, BEHIND_FOR, new SimpleMeterRegistry());
    }

    /** Up to {@code events} events kept for other readers (0: none), counted in {@code meters}. */
    public static SharedEventBatches of(int events, MeterRegistry meters) {
        return of(events, ROOM_WAIT, BEHIND_FOR, meters);
    }

    /**
     * As {@link #of(int, MeterRegistry)}, a reader ahead waiting at most {@code roomWait} for the others, and a reader
     * counting as behind the head for {@code behindFor} after its last full batch.
     */
    static SharedEventBatches of(int events, Duration roomWait, Duration behindFor, MeterRegistry meters) {
        return new SharedEventBatches(Math.max(0, events), roomWait, behindFor, meters);
    }

    /** A reader for one stream of events; closed when the stream is. */
    public Reader reader() {
        return new Reader();
    }

    /** One stream's reads. Not for several threads at once, as a stream is not. */
    public final class Reader implements AutoCloseable {

        private Reader() {
        }

        /**
         * The batch of events after {@code position}: one kept from another reader's read from there, or the one
         * being read from there now, or {@code read}'s, which is kept for the other readers if it is full.
         */
        public Batch read(TrackingToken position, Function<TrackingToken, Batch> read) {
            if (events == 0) {
                return count(read.apply(position));
            }
            From from = new From(position);
            Batch done = take(from);
            if (done == null && awaitRoom(position)) {
                done = take(from); // read by another while this one waited
            }
            if (done != null) {
                return behind(done);
            }
            CompletableFuture<Batch> mine = new CompletableFuture<>();
            CompletableFuture<Batch> theirs = reading.putIfAbsent(from, mine);
            if (theirs != null) {
                try {
                    Batch batch = theirs.join();
                    shared.increment();
                    taken(from, batch);
                    return behind(batch);
                } catch (CompletionException failed) {
                    return behind(count(read.apply(position))); // their read failed: this one learns why itself
                }
            }
            try {
                Batch batch = behind(count(read.apply(position)));
                if (batch.full()) {
                    keep(from, batch, readersBehind() - 1);
                }
                mine.complete(batch);
                return batch;
            } catch (RuntimeException | Error failed) {
                mine.completeExceptionally(failed);
                throw failed;
            } finally {
                reading.remove(from, mine);
            }
        }

        private Batch behind(Batch batch) {
            if (batch.full()) {
                behind.put(this, System.nanoTime());
            } else {
                behind.remove(this);
            }
            return batch;
        }

        @Override
        public void close() {
            behind.remove(this);
        }
    }

    /**
     * Before a read that goes further than every batch kept: while the events kept fill the window and other readers
     * are behind the head, waits a while for them to take the oldest, and returns whether it waited. The views rebuilt
     * together so read in step instead of drifting apart until nothing is shared. A reader that stops taking (stuck,
     * or gone without closing) holds the one ahead back by at most 100 ms per batch; a reader that fell
     * behind the batches kept never waits.
     */
    private synchronized boolean awaitRoom(TrackingToken position) {
        long at = position == null ? -1 : position.position().orElse(-1);
        long deadline = System.nanoTime() + roomWait.toNanos();
        boolean waited = false;
        try {
            for (long left = roomWait.toNanos(); left > 0 && keptEvents >= events && readersBehind() > 1
                    && at >= newestKept(); left = deadline - System.nanoTime()) {
                waited = true;
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return waited;
    }

    private int readersBehind() {
        long now = System.nanoTime();
        behind.values().removeIf(lastFull -> now - lastFull > behindFor);
        return behind.size();
    }

    /** The position the furthest batch kept ends at. */
    private long newestKept() {
        return kept.values().stream().mapToLong(batch -> batch.batch.last().position().orElse(-1)).max().orElse(-1);
    }

    private Batch count(Batch batch) {
        read.increment();
        return batch;
    }

    /** A kept batch read from {@code from}, taken by one more reader. */
    private synchronized Batch take(From from) {
        dropOld(System.nanoTime());
        Kept batch = kept.get(from);
        if (batch == null) {
            return null;
        }
        shared.increment();
        if (batch.takenByAll()) {
            drop(from);
        }
        return batch.batch;
    }

    /** One more reader took {@code batch} while it was being read. */
    private synchronized void taken(From from, Batch batch) {
        Kept current = kept.get(from);
        if (current != null && current.batch == batch && current.takenByAll()) {
            drop(from);
        }
    }

    private synchronized void keep(From from, Batch batch, int takers) {
        long now = System.nanoTime();
        if (takers > 0) {
            drop(from);
            kept.put(from, new Kept(batch, now, takers));
            keptEvents += batch.messages().size();
        }
        dropOld(now);
    }

    private void drop(From from) {
        Kept dropped = kept.remove(from);
        if (dropped != null) {
            keptEvents -= dropped.batch.messages().size();
            notifyAll();
        }
    }

    /** Drops the batches read longest ago while more events are kept than allowed, or kept longer than allowed. */
    private void dropOld(long now) {
        for (Iterator<Kept> oldest = kept.values().iterator(); oldest.hasNext(); ) {
            Kept batch = oldest.next();
            if (keptEvents <= events && now - batch.readAt < KEPT_AT_MOST) {
                return;
            }
            oldest.remove();
            keptEvents -= batch.batch.messages().size();
            notifyAll();
        }
    }

    private synchronized int keptEvents() {
        return keptEvents;
    }
}
