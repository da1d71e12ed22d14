package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.error.ConflictException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.integrity.IntegrityChain;
import eu.borderviolence.registry.api.storage.Durability;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.projections.Databases;
import eu.borderviolence.registry.projections.ViewTables;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds views from the event store, on one node or many, and tells where each view stands.
 *
 * <p>A view is any streaming event processor except the integrity chain, which must never be rebuilt. A rebuild
 * resets the view's tokens to the start of the stream (its {@code @ResetHandler} empties its tables), and the
 * processor replays every event. Several nodes share one token store, and a node can reset tokens only when no other
 * node holds a claim on them, so a rebuild is coordinated through the database, never node to node:
 * <ol>
 *     <li>the request, on any node, is stored as a row of {@code view_rebuild} in state {@code REQUESTED};</li>
 *     <li>every node checks the table every {@code registry.views.coordination-interval} and stops its processor
 *     for a requested view, releasing its claims; a node that died keeps its claims until the claim timeout;</li>
 *     <li>the first node that can claim every segment resets the tokens, under a row lock on the request, in one
 *     transaction with the emptying of the view's tables, and moves the request to {@code REPLAYING} with the head
 *     position of that moment as its target; a node still holding a claim makes the attempt fail harmlessly and
 *     it is tried again on the next check;</li>
 *     <li>every node starts its processor again, and the nodes share the replay through their claims; when every
 *     segment's committed position has reached the target, any node marks the rebuild {@code FINISHED}.</li>
 * </ol>
 * From the request until it finishes, every node counts the view as rebuilding, and {@link ViewGuard} answers 503
 * instead of serving half-built figures. Progress is read from the token store (see {@link ProcessorPositions}), so
 * every node reports the same (this node's own segments as its processor reports them). Positions are the event
 * store's global index, which has a hole wherever a transaction rolled back, so "events processed" can be a little
 * higher than the events really replayed.
 *
 * <p>On PostgreSQL the reset's transaction truncates the view's tables ({@link ViewTables}), and a reset that cannot
 * have them because reads of them are under way fails as a lock conflict and is tried again on the next round.
 * On H2 (one node only), the view's tables are truncated just before the reset's transaction
 * ({@link ViewTables}): H2 deletes every row as slowly as it wrote it. The view is stopped and refusing
 * reads by then, and its request stays {@code REQUESTED} until the reset commits, so a crash or a failed reset in
 * between leaves a view that still refuses reads and is emptied and reset again on the next round, never a view
 * serving what was left of its tables.
 */
@Component
public class ViewRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    /** The states of a rebuild, as stored. */
    enum State {
        REQUESTED, REPLAYING, FINISHED, FAILED;

        boolean active() {
            return this == REQUESTED || this == REPLAYING;
        }
    }

    /** One rebuild request, as stored in {@code view_rebuild}. */
    record Rebuild(String view, long generation, State state, String requestedBy, Instant requestedAt, Long target,
                   Instant replayStartedAt, Instant finishedAt) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorPositions positions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Durability durability;
    private final RecentPositions recent;
    private final Duration interval;
    /** The tables of each view that owns some, by view. */
    private final Map<String, ViewTables> tables;
    /** Whether the database is H2, where a rebuild truncates what it can before the reset (see above). */
    private final boolean truncatesFirst;
    /** The views whose processor this node stopped for a rebuild, and for which request. */
    private final Map<String, Long> parked = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService coordinator;

    public ViewRebuilds(EventProcessingConfiguration processing, EventStore eventStore, ProcessorPositions positions,
                        JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                        @Value("${registry.views.coordination-interval:1s}") Duration interval,
                        List<ViewTables.Owner> owners, Durability durability, RecentPositions recent) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.positions = positions;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.durability = durability;
        this.recent = recent;
        this.interval = interval;
        this.tables = owners.stream().map(ViewTables.Owner::tables)
                .collect(Collectors.toUnmodifiableMap(ViewTables::view, Function.identity()));
        this.truncatesFirst = Databases.isH2(jdbc.getDataSource());
    }

    /** The names of the views, sorted. */
    public List<String> views() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .filter(name -> !name.equals(IntegrityChain.PROCESSING_GROUP))
                .sorted().toList();
    }

    /** Asks for a rebuild of the views named, or of every view when none is named; refuses if one already rebuilds. */
    public synchronized List<ViewStatus> rebuild(List<String> names, Actor requestedBy) {
        List<String> chosen = names == null || names.isEmpty() ? views() : names.stream().distinct().toList();
        chosen.forEach(this::processor);
        for (String view : chosen) {
            if (isRebuilding(view)) {
                throw alreadyRebuilding(view);
            }
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            for (String view : chosen) {
                long generation = latest(view).map(Rebuild::generation).orElse(0L) + 1;
                try {
                    jdbc.update("insert into view_rebuild (view_name, generation, state, requested_by, requested_at) "
                                    + "values (?, ?, ?, ?, ?)", view, generation, State.REQUESTED.name(),
                            requestedBy.principal(), Timestamp.from(now));
                } catch (DuplicateKeyException raced) {
                    throw alreadyRebuilding(view);
                }
            }
        });
        durability.afterWrite(); // answered as recorded, so on disk before the answer
        chosen.forEach(recent::forget); // this node's reads see the request at once, not a reused position
        chosen.forEach(view -> log.info("Rebuild of view {} requested by {} of {}", view, requestedBy.principal(),
                requestedBy.organisation()));
        ScheduledExecutorService running = coordinator;
        if (running != null) {
            running.execute(this::coordinate);
        }
        long head = headPosition();
        return chosen.stream().map(view -> status(view, head)).toList();
    }

    private static ConflictException alreadyRebuilding(String view) {
        return new ConflictException("view-rebuilding", "The view " + view
                + " is already being rebuilt; follow its progress at /api/v1/views/status/" + view + ".");
    }

    /**
     * One round of this node's part in the rebuilds: park, reset, resume, finish. Runs on the coordinator thread. The
     * views asked for together are stopped together, reset side by side and started again together once all of them
     * are reset, so that they replay the history side by side and share what they read of it
     * ({@code storage.SharedEventBatches}); each started as soon as it was reset, one after the other, the first was
     * too far ahead for the others to share its reads (docs/benchmarks.md).
     */
    void coordinate() {
        Map<String, Rebuild> requested = new LinkedHashMap<>();
        for (String view : views()) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the application is stopping
            }
            try {
                latest(view).ifPresent(rebuild -> {
                    if (rebuild.state() == State.REQUESTED) {
                        requested.put(view, rebuild);
                    } else {
                        coordinate(view, rebuild);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Coordinating the rebuild of view {} failed; trying again: {}", view, e.getClass().getName());
            }
        }
        if (!requested.isEmpty()) {
            resetTogether(requested);
        }
    }

    /** A rebuild past its reset: resume the view, and mark the rebuild finished once the view has caught up. */
    private void coordinate(String view, Rebuild rebuild) {
        StreamingEventProcessor processor = processor(view);
        resume(view, processor);
        finishIfCaughtUp(rebuild);
    }

    /**
     * Stops and resets each view in a thread of its own (on PostgreSQL a view's reset deletes its rows), then starts
     * again every view that was reset. A view that cannot be reset yet stays stopped and is tried again in the next
     * round.
     */
    private void resetTogether(Map<String, Rebuild> requested) {
        ExecutorService resetting = Executors.newFixedThreadPool(requested.size(), runnable -> {
            Thread thread = new Thread(runnable, "view-resets");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<String, Future<Boolean>> resets = new LinkedHashMap<>();
            requested.forEach((view, rebuild) -> resets.put(view, resetting.submit(() -> {
                StreamingEventProcessor processor = processor(view);
                if (!parked.containsKey(view) || processor.isRunning()) {
                    processor.shutDown();
                    parked.put(view, rebuild.generation());
                }
                return reset(view, rebuild, processor);
            })));
            List<String> reset = new ArrayList<>();
            for (Map.Entry<String, Future<Boolean>> view : resets.entrySet()) {
                try {
                    if (view.getValue().get()) {
                        reset.add(view.getKey());
                    }
                } catch (ExecutionException e) {
                    log.warn("Stopping or resetting view {} for its rebuild failed; trying again: {}", view.getKey(),
                            e.getCause().getClass().getName());
                }
            }
            for (String view : reset) {
                try {
                    resume(view, processor(view));
                } catch (RuntimeException e) {
                    log.warn("Starting view {} after its reset failed; trying again: {}", view,
                            e.getClass().getName());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the application is stopping; the next start takes the rebuilds up
        } finally {
            resetting.shutdown();
        }
    }

    /** Resets the view's tokens if no node holds a claim on them any more; true once the request is past it. */
    private boolean reset(String view, Rebuild rebuild, StreamingEventProcessor processor) {
        boolean emptiedFirst;
        try {
            emptiedFirst = truncateFirst(view);
        } catch (RuntimeException e) {
            log.warn("Rebuild of view {} could not empty its tables yet; trying again: {}", view,
                    e.getClass().getName());
            return false;
        }
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                List<String> locked = jdbc.queryForList("select state from view_rebuild where view_name = ? "
                        + "and generation = ? for update", String.class, view, rebuild.generation());
                if (locked.isEmpty() || !State.REQUESTED.name().equals(locked.get(0))) {
                    return true;
                }
                long target = headPosition();
                processor.resetTokens();
                jdbc.update("update view_rebuild set state = ?, target_position = ?, replay_started_at = ? "
                                + "where view_name = ? and generation = ?", State.REPLAYING.name(), target,
                        Timestamp.from(clock.instant()), view, rebuild.generation());
                log.info("Rebuild of view {} replaying up to position {}", view, target);
                return true;
            }));
        } catch (RuntimeException e) {
            if (causedBy(e, UnableToClaimTokenException.class)) {
                log.debug("Rebuild of view {} waits for another node to release its segments", view);
                return false;
            }
            if (causedBy(e, PessimisticLockingFailureException.class)) {
                // On PostgreSQL the reset's TRUNCATE waited for reads of the tables in vain (ViewTables); nothing
                // was changed, the view keeps refusing reads, and the reset is tried again.
                log.info("Rebuild of view {} waits for reads of its tables to finish: {}", view,
                        e.getClass().getName());
                return false;
            }
            if (emptiedFirst) {
                // Its tables are empty: serving the view would give wrong answers.
                log.error("Rebuild of view {} could not reset the view after emptying its tables; it stays "
                        + "unavailable and the reset is tried again: {}", view, e.getClass().getName());
                return false;
            }
            log.error("Rebuild of view {} could not start: {}", view, e.getClass().getName());
            jdbc.update("update view_rebuild set state = ?, finished_at = ? where view_name = ? and generation = ? "
                    + "and state = ?", State.FAILED.name(), Timestamp.from(clock.instant()), view,
                    rebuild.generation(), State.REQUESTED.name());
            return true;
        }
    }

    /**
     * On H2, truncates the view's tables, each in a transaction of its own (H2 commits a {@code TRUNCATE} at once);
     * true if it did. Called only for a {@code REQUESTED} rebuild whose processor this node has stopped.
     */
    private boolean truncateFirst(String view) {
        ViewTables owned = tables.get(view);
        if (!truncatesFirst || owned == null || owned.tables().isEmpty()) {
            return false;
        }
        owned.tables().forEach(table -> jdbc.execute("truncate table " + table));
        return true;
    }

    private void resume(String view, StreamingEventProcessor processor) {
        if (parked.remove(view) != null && !processor.isRunning()) {
            processor.start();
        }
    }

    /** Marks a replaying rebuild finished once every segment's committed position has reached its target. */
    private Rebuild finishIfCaughtUp(Rebuild rebuild) {
        if (rebuild.state() != State.REPLAYING || rebuild.target() == null) {
            return rebuild;
        }
        List<ProcessorPositions.Segment> segments = positions.of(rebuild.view());
        if (ProcessorPositions.slowest(segments, processor(rebuild.view()).processingStatus()) < rebuild.target()) {
            return rebuild;
        }
        Instant now = clock.instant();
        int updated = jdbc.update("update view_rebuild set state = ?, finished_at = ? where view_name = ? "
                        + "and generation = ? and state = ?", State.FINISHED.name(), Timestamp.from(now),
                rebuild.view(), rebuild.generation(), State.REPLAYING.name());
        if (updated == 1) {
            log.info("Rebuild of view {} finished", rebuild.view());
            analyzeTables(rebuild.view());
        }
        return latest(rebuild.view()).orElse(rebuild);
    }

    /**
     * Has PostgreSQL gather the statistics of a view just rebuilt, which the reset's {@code TRUNCATE} left it without
     * ({@link ViewTables#analyze}), on the coordinator's thread when it runs rather than on a reader's.
     */
    private void analyzeTables(String view) {
        ViewTables owned = tables.get(view);
        if (owned == null) {
            return;
        }
        Runnable analyze = () -> {
            try {
                owned.analyze(jdbc);
            } catch (RuntimeException e) {
                log.warn("Gathering the statistics of rebuilt view {} failed; autovacuum gathers them later: {}", view,
                        e.getClass().getName());
            }
        };
        ScheduledExecutorService running = coordinator;
        if (running == null) {
            analyze.run();
            return;
        }
        try {
            running.execute(analyze);
        } catch (RejectedExecutionException stopping) {
            log.debug("Rebuilt view {} left for autovacuum to analyze: the application is stopping", view);
        }
    }

    /** True from the request until the replay has reached the head position it began at, on every node. */
    public boolean isRebuilding(String view) {
        return latest(view).map(this::finishIfCaughtUp).map(rebuild -> rebuild.state().active()).orElse(false);
    }

    public List<ViewStatus> statuses() {
        long head = headPosition();
        return views().stream().map(view -> status(view, head)).toList();
    }

    public ViewStatus status(String view) {
        processor(view);
        return status(view, headPosition());
    }

    private ViewStatus status(String view, long head) {
        Optional<Rebuild> rebuild = latest(view).map(this::finishIfCaughtUp);
        List<ProcessorPositions.Segment> segments = positions.of(view);
        long position = Math.max(0, ProcessorPositions.slowest(segments, processor(view).processingStatus()));
        boolean processing = processor(view).isRunning() || positions.everySegmentClaimed(segments);
        ViewStatus.State state = rebuild.map(r -> r.state().active()).orElse(false) ? ViewStatus.State.REBUILDING
                : processing ? ViewStatus.State.LIVE : ViewStatus.State.STOPPED;
        return new ViewStatus(view, state, position, head, Math.max(0, head - position),
                rebuild.map(r -> describe(r, position)).orElse(null));
    }

    private ViewStatus.Rebuild describe(Rebuild rebuild, long position) {
        boolean started = rebuild.target() != null;
        long target = started ? rebuild.target() : 0;
        long processed = started ? Math.min(position, target) : 0;
        boolean finished = rebuild.state() == State.FINISHED;
        double percent = finished ? 100 : target <= 0 ? 0 : Math.min(100.0, processed * 100.0 / target);
        Instant until = rebuild.finishedAt() == null ? clock.instant() : rebuild.finishedAt();
        double seconds = rebuild.replayStartedAt() == null ? 0
                : Math.max(0.001, Duration.between(rebuild.replayStartedAt(), until).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : processed / seconds;
        Long left = finished ? Long.valueOf(0)
                : rate <= 0 ? null : Long.valueOf(Math.round((target - processed) / rate));
        return new ViewStatus.Rebuild(rebuild.requestedBy(), rebuild.requestedAt(), target, processed,
                Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, left,
                finished ? rebuild.finishedAt() : null);
    }

    /** The newest rebuild request of the view, if it was ever rebuilt. */
    Optional<Rebuild> latest(String view) {
        return jdbc.query("select view_name, generation, state, requested_by, requested_at, target_position, "
                + "replay_started_at, finished_at from view_rebuild where view_name = ? "
                + "order by generation desc limit 1", ViewRebuilds::rebuild, view).stream().findFirst();
    }

    private static Rebuild rebuild(ResultSet rs, int row) throws SQLException {
        long target = rs.getLong(6);
        Long storedTarget = rs.wasNull() ? null : target;
        return new Rebuild(rs.getString(1), rs.getLong(2), State.valueOf(rs.getString(3)), rs.getString(4),
                instant(rs.getTimestamp(5)), storedTarget, instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private StreamingEventProcessor processor(String view) {
        if (!views().contains(view)) {
            throw new NotFoundException("view", view);
        }
        return processing.eventProcessor(view, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("view", view));
    }

    long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    // The coordinator runs while the application runs: it starts after Axon's processors and stops before them.

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "view-rebuilds");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::coordinate, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        coordinator = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = coordinator;
        coordinator = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return coordinator != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
