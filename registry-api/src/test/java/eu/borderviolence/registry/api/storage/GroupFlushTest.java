package eu.borderviolence.registry.api.storage;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers that commit while a flush runs share the next one (group commit), never the one already under way, and a
 * failed flush fails only the writer that ran it. The database is a stand-in whose flushes the test lets finish one
 * at a time.
 */
class GroupFlushTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final Flushes database = new Flushes();
    private final Durability durability = new Durability(database, true, new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    @Test
    void writersArrivingDuringAFlushShareTheNextOne() throws Exception {
        CompletableFuture<Void> first = write();
        Flush running = database.started();

        List<CompletableFuture<Void>> meanwhile = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            meanwhile.add(write());
        }
        awaitWaiting(5);
        running.finish();
        first.get(5, TimeUnit.SECONDS);

        Flush next = database.started();
        assertThat(meanwhile).as("the flush under way when they arrived does not count for them")
                .noneMatch(CompletableFuture::isDone);
        next.finish();
        for (CompletableFuture<Void> writer : meanwhile) {
            writer.get(5, TimeUnit.SECONDS);
        }
        assertThat(database.flushes.get()).as("six writers, two flushes").isEqualTo(2);
    }

    @Test
    void aWriterAloneFlushesAtOnce() throws Exception {
        CompletableFuture<Void> writer = write();
        database.started().finish();
        writer.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> later = write();
        database.started().finish();
        later.get(5, TimeUnit.SECONDS);

        assertThat(database.flushes.get()).isEqualTo(2);
    }

    @Test
    void aFailedFlushFailsItsWriterAndTheOthersFlushAgain() throws Exception {
        CompletableFuture<Void> first = write();
        Flush running = database.started();
        List<CompletableFuture<Void>> meanwhile = List.of(write(), write());
        awaitWaiting(2);
        running.finish();
        first.get(5, TimeUnit.SECONDS);

        database.started().fail();
        database.started().finish();

        long failed = meanwhile.stream().filter(GroupFlushTest::fails).count();
        assertThat(failed).as("only the writer whose flush failed is told so").isEqualTo(1);
        assertThat(database.flushes.get()).isEqualTo(3);
    }

    @Test
    void onADatabaseThatIsDurableByItselfNothingIsFlushed() {
        new Durability(database, false, new SimpleMeterRegistry()).flush();

        assertThat(database.flushes.get()).isZero();
    }

    private static boolean fails(CompletableFuture<Void> writer) {
        try {
            writer.get(5, TimeUnit.SECONDS);
            return false;
        } catch (ExecutionException e) {
            assertThat(e).hasRootCauseInstanceOf(DataAccessResourceFailureException.class);
            return true;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the writer did not finish", e);
        }
    }

    private CompletableFuture<Void> write() {
        return CompletableFuture.runAsync(durability::flush, writers);
    }

    /** Waits until this many writers are parked waiting for a flush. */
    private void awaitWaiting(int writersWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (database.waiting() < writersWaiting) {
            assertThat(System.nanoTime()).as("writers waiting for the flush").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** One flush in the stand-in database, held until the test finishes or fails it. */
    private static final class Flush {
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean fails;

        void finish() {
            released.countDown();
        }

        void fail() {
            fails = true;
            released.countDown();
        }
    }

    /** Counts flushes to disk and holds each until released. */
    private final class Flushes implements Runnable {
        final AtomicInteger flushes = new AtomicInteger();
        private final BlockingQueue<Flush> started = new LinkedBlockingQueue<>();

        @Override
        public void run() {
            flushes.incrementAndGet();
            Flush flush = new Flush();
            started.add(flush);
            try {
                flush.released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (flush.fails) {
                throw new DataAccessResourceFailureException("disk full");
            }
        }

        Flush started() throws InterruptedException {
            Flush flush = started.poll(5, TimeUnit.SECONDS);
            assertThat(flush).as("a flush started").isNotNull();
            return flush;
        }

        /** Writers in {@code Object.wait} inside {@link Durability#flush()}, waiting for a flush to finish. */
        long waiting() {
            return Thread.getAllStackTraces().entrySet().stream()
                    .filter(entry -> entry.getKey().getState() == Thread.State.WAITING)
                    .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(frame ->
                            frame.getClassName().equals(Durability.class.getName())
                                    && frame.getMethodName().equals("flush")))
                    // not the writer inside the flush itself, which waits in the stand-in's latch
                    .filter(entry -> entry.getValue().length > 0
                            && entry.getValue()[0].getClassName().equals(Object.class.getName())
                            && entry.getValue()[0].getMethodName().startsWith("wait"))
                    .count();
        }
    }
}
