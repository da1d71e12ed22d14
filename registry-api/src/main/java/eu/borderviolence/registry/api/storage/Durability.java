package eu.borderviolence.registry.api.storage;

import eu.borderviolence.registry.projections.Databases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;

/**
 * Makes acknowledged writes survive a crash. An answer to a write goes out only after the write is on disk.
 *
 * <p>PostgreSQL does that itself: with its default {@code synchronous_commit = on} every commit is flushed to disk
 * (fsync) before it returns, and here nothing more is done. H2 acknowledges a commit it still holds in memory and
 * writes it within its write delay (half a second by default): a crash of the process in that time lost the
 * commit, and a power cut loses what the operating system had not yet written. On H2 this therefore writes
 * everything committed so far to the file and flushes it to disk ({@link H2Flush}), other writers' commits included,
 * after a write commits and before it is answered.
 *
 * <p>Flushes are shared (group commit): one runs at a time, and writers that commit while it runs wait for the next
 * one, which covers all of them, instead of each running its own in turn. A writer never counts on a flush that was
 * already under way when it arrived, since that one may have begun before its commit. A failed flush fails only the
 * writer that ran it; those waiting for it run another (docs/benchmarks.md).
 *
 * <p>Only writes that are answered need this: commands (through {@link DurableCommands}), the accounts, tokens
 * and grants of administrators, and requests to rebuild views. The views' processors commit without it: what a
 * crash takes from them, their position included, they apply again from the event store.
 */
public class Durability {

    /** The timer of the flushes, {@code registry.durability.flush}: how many, and how long the disk took. */
    static final String FLUSH_TIMER = "registry.durability.flush";

    private final Runnable flushCommitted;
    private final boolean flushes;
    private final Timer flushTime;
    private final Object turn = new Object();
    /** Flushes begun and flushes finished, numbered from 1; guarded by {@link #turn}. */
    private long begun;
    private long finished;
    private boolean flushing;

    /** {@code flushCommitted} writes and flushes to disk everything committed so far; it runs only if flushes. */
    Durability(Runnable flushCommitted, boolean flushes, MeterRegistry meters) {
        this.flushCommitted = flushCommitted;
        this.flushes = flushes;
        this.flushTime = flushes ? Timer.builder(FLUSH_TIMER)
                .description("Flushes of everything committed to disk, each shared by the writers waiting for it")
                .register(meters) : null;
    }

    /**
     * Flushes on H2; on PostgreSQL, the other database the registry runs on, the commit itself is durable. The
     * flushes are timed in {@code meters} ({@value #FLUSH_TIMER}).
     */
    public static Durability of(DataSource dataSource, MeterRegistry meters) {
        return Databases.isH2(dataSource) ? new Durability(new H2Flush(dataSource), true, meters)
                : new Durability(() -> { }, false, meters);
    }

    /** True where the registry flushes after commits itself (H2). */
    public boolean flushes() {
        return flushes;
    }

    /** Writes and flushes to disk everything committed so far, sharing the flush with writers arriving meanwhile. */
    public void flush() {
        if (!flushes) {
            return;
        }
        long needed;
        synchronized (turn) {
            needed = begun + 1; // one under way may have begun before this caller's commit
        }
        while (true) {
            long mine;
            synchronized (turn) {
                while (flushing && finished < needed) {
                    try {
                        turn.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the database to flush", e);
                    }
                }
                if (finished >= needed) {
                    return;
                }
                flushing = true;
                mine = ++begun;
            }
            boolean done = false;
            try {
                flushTime.record(flushCommitted);
                done = true;
            } finally {
                synchronized (turn) {
                    flushing = false;
                    if (done) {
                        finished = mine;
                    }
                    turn.notifyAll();
                }
            }
        }
    }

    /**
     * To be called after a write: flushes once the surrounding transaction has committed, or at once when there is
     * none (the write committed itself).
     */
    public void afterWrite() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit();
        } else {
            flush();
        }
    }

    /**
     * Flushes once the current Spring transaction has committed. Spring runs this after the commit and before the
     * transaction's caller goes on; if the flush fails, the commit call fails, although what it committed stays.
     * Asked again in the same transaction, it adds nothing: one flush after a commit covers everything committed in
     * it, and a second would only make the caller wait for another whole flush (docs/benchmarks.md).
     */
    public void afterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("no transaction to flush after");
        }
        if (flushes && TransactionSynchronizationManager.getSynchronizations().stream()
                .noneMatch(registered -> registered instanceof FlushAfterCommit flush && flush.durability() == this)) {
            TransactionSynchronizationManager.registerSynchronization(new FlushAfterCommit(this));
        }
    }

    /** The flush after a transaction's commit, one per transaction and {@link Durability}. */
    private record FlushAfterCommit(Durability durability) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            // Durability's, not the synchronization's own flush(), which Spring calls for something else.
            durability.flush();
        }
    }
}
