package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.borderviolence.registry.api.config.RegistryApiProperties;
import eu.borderviolence.registry.api.error.FiguresComputingException;
import eu.borderviolence.registry.api.rest.ViewConsistency;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The views' answers, kept for as long as the data they were computed from is unchanged. A figure counts every
 * incident its filters select, so computing it takes time in proportion to the history (seconds over a million
 * events); the same figures are asked for again and again (a quarterly report by every analyst of the quarter),
 * while the incidents change seldom.
 *
 * <p>An answer is kept under its query and the <em>position</em> of the processor whose tables it was computed from:
 * every segment's token as the token store holds it. The processor stores its token in the same transaction as the
 * rows it changed, so any change to the tables changes the position, and an answer is never given for a position
 * other than the one it was computed at or one before it (the position is read before the answer is computed; a
 * change committed in between only makes the kept answer newer than its key). The position also holds the generation
 * and state of the view's latest rebuild ({@code view_rebuild}): a rebuild ends at the very tokens it started from,
 * and an answer computed before it must not outlive it, since a rebuild is how damaged views are repaired. Every node
 * reads the shared tables. The position is read for every strong read, every question not kept, and every eventual
 * read more than {@code registry.api.view-position-reuse} after this node last read it ({@link RecentPositions}): one
 * small indexed read, which also tells whether the view is being rebuilt, so that the {@link ViewGuard} reads the
 * rebuild itself only when one is under way. So a change made on one node reaches the others' eventual reads within
 * that time.
 *
 * <p>Figures are kept as the JSON they are sent as ({@link JsonAnswer}), written once: writing a large answer again
 * for every request cost more than the rest of the request (docs/benchmarks.md). Totals of lists
 * ({@link #answerHere}) are kept as they are.
 *
 * <p>Bounded: at most {@code registry.api.view-answer-memory} of answers, weighed by the size of their JSON, the
 * least useful evicted first; answers unused for {@value #IDLE_MINUTES} minutes go. Answers are computed on
 * {@code registry.api.view-computations} threads, so that many different questions at once queue rather than each
 * holding a large tally in the heap (at most {@value #QUEUED_PER_THREAD} per thread wait; more are refused with 503);
 * one question asked by many at once is computed once, the others wait for its answer. A request waits at most
 * {@code registry.api.view-answer-wait} and is then told to ask again (503 with Retry-After), while the computation
 * goes on: figures over a million events take minutes to compute on a small machine, longer than an HTTP client
 * should hang, and asked again they come from the kept answer. Metrics: {@code cache.*} tagged
 * {@code cache=view-answers}, and {@code registry.view-answers.recent-position} for reads at a reused position.
 */
@Component
public class ViewAnswers implements DisposableBean {

    static final int IDLE_MINUTES = 10;
    /** Questions waiting for a computation per computing thread, beyond which new ones are refused. */
    static final int QUEUED_PER_THREAD = 8;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ViewGuard guard;
    private final ViewConsistency consistency;
    private final RecentPositions recent;
    private final AsyncCache<Key, Object> answers;
    private final Counter reused;
    private final ThreadPoolExecutor computing;
    private final Duration wait;

    public ViewAnswers(JdbcTemplate jdbc, ObjectMapper json, RegistryApiProperties properties, MeterRegistry meters,
                       ViewGuard guard, ViewConsistency consistency, RecentPositions recent) {
        this.jdbc = jdbc;
        this.json = json;
        this.guard = guard;
        this.consistency = consistency;
        this.recent = recent;
        this.wait = properties.viewAnswerWait();
        CustomizableThreadFactory threads = new CustomizableThreadFactory("view-answers-");
        threads.setDaemon(true);
        int size = properties.viewComputations();
        this.computing = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_PER_THREAD * size), threads);
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.viewAnswerMemory().toBytes())
                .weigher((Key key, Object answer) -> answer instanceof JsonAnswer<?> written ? written.size()
                        : weight(answer))
                .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
                .recordStats()
                .buildAsync();
        CaffeineCacheMetrics.monitor(meters, answers, "view-answers");
        this.reused = Counter.builder("registry.view-answers.recent-position")
                .description("Eventual reads answered with the answer kept for the view's position read shortly "
                        + "before, without reading it again (RecentPositions)")
                .register(meters);
    }

    /** A query's answer at the processor's present position. */
    record Key(String processor, Object query, String position) {
    }

    /** The processor's tokens and its view's latest rebuild, as read; and whether that rebuild is under way. */
    private record Position(String key, boolean rebuilding) {
    }

    /**
     * The answer to {@code query} from the tables of {@code processor}, as the JSON it is sent as: the one kept for the
     * processor's present position, or else {@code compute}'s, written as JSON once and then kept. Computed on one of
     * the view computation threads; one question asked by many at once is computed once, and all of them wait for it.
     * A view being rebuilt is not read, and a strong read first waits for the views ({@link #readablePosition}).
     *
     * @param type the type of the answer, which its JSON is (the answer's type parameter)
     * @throws FiguresComputingException if the answer is not ready within {@code registry.api.view-answer-wait} (the
     *                                   computation goes on, and its answer is kept), or too many are waiting
     */
    @SuppressWarnings("unchecked")
    public <R> JsonAnswer<R> answer(String processor, ViewConsistency.Level level, Object query, Class<R> type,
                                    Supplier<R> compute) {
        JsonAnswer<R> kept = keptAtRecentPosition(processor, level, query, JsonAnswer.class);
        if (kept != null) {
            return kept;
        }
        Optional<String> position = readablePosition(processor, level);
        Key key = position.map(at -> new Key(processor, query, at)).orElse(null);
        Supplier<JsonAnswer<R>> logged = withLogContext(() -> JsonAnswer.of(json, compute.get()));
        CompletableFuture<Object> answer;
        try {
            answer = key == null ? CompletableFuture.supplyAsync(logged::get, computing)
                    : answers.get(key, (k, executor) -> CompletableFuture.supplyAsync(logged::get, computing));
        } catch (RejectedExecutionException e) {
            throw FiguresComputingException.tooMany();
        }
        return await(key, answer, JsonAnswer.class);
    }

    /**
     * Like {@link #answer} for an eventual read, but a missing answer is computed on the asking thread rather than
     * queued for the view computation threads: for answers that take milliseconds (the number of incidents matching a
     * list filter), which must not wait behind figures taking seconds. Others asking the same at the same time still
     * wait for this one.
     */
    public <R> R answerHere(String processor, Object query, Class<R> type, Supplier<R> compute) {
        R kept = keptAtRecentPosition(processor, ViewConsistency.Level.EVENTUAL, query, type);
        if (kept != null) {
            return kept;
        }
        return answerHere(readablePosition(processor, ViewConsistency.Level.EVENTUAL), processor, query, type,
                compute);
    }

    private <R> R answerHere(Optional<String> position, String processor, Object query, Class<R> type,
                             Supplier<R> compute) {
        if (position.isEmpty()) {
            return compute.get();
        }
        Key key = new Key(processor, query, position.get());
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> answer = answers.get(key, (k, executor) -> mine);
        if (answer == mine) {
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
        }
        return await(key, answer, type);
    }

    /**
     * Like {@link #answerHere}, kept as the JSON it is sent as ({@link JsonAnswer}): for answers that take milliseconds
     * to compute but are asked for again and again, and are large enough that writing them costs as much (a page of
     * the incident list).
     */
    @SuppressWarnings("unchecked")
    public <R> JsonAnswer<R> answerHereAsJson(String processor, ViewConsistency.Level level, Object query,
                                              Class<R> type, Supplier<R> compute) {
        JsonAnswer<R> kept = keptAtRecentPosition(processor, level, query, JsonAnswer.class);
        if (kept != null) {
            return kept;
        }
        return answerHere(readablePosition(processor, level), processor, query, JsonAnswer.class,
                () -> JsonAnswer.of(json, compute.get()));
    }

    /**
     * The processor's position for a read that may go ahead: a strong read is refused while the view is being
     * rebuilt and then waits until the views have every write acknowledged before it ({@link ViewConsistency}); any
     * read of a view being rebuilt is refused ({@link ViewGuard}: 503 with the rebuild's progress). The position
     * holds the state of the view's latest rebuild, so the guard reads the rebuild itself only when the position shows
     * one under way (it may have just caught up) or none is stored yet: reading a view that serves costs one
     * statement here, not two.
     */
    private Optional<String> readablePosition(String processor, ViewConsistency.Level level) {
        if (level == ViewConsistency.Level.STRONG) {
            guard.requireServing(processor); // refused at once, not after waiting for a view that is being rebuilt
            consistency.await(level);
        }
        long started = recent.now();
        Optional<Position> position = position(processor);
        if (position.isEmpty() || position.get().rebuilding()) {
            guard.requireServing(processor);
            started = recent.now();
            position = position(processor);
        }
        recent.read(processor, position.filter(read -> !read.rebuilding()).map(Position::key), started);
        return position.map(Position::key);
    }

    /**
     * For an eventual read, the answer kept for the view's position as this node read it within the reuse period
     * ({@link RecentPositions}), if it has been computed; otherwise null, and the read reads the position itself. Only
     * answers kept are reused: a question not kept for that position is computed at a position read for it.
     */
    private <R> R keptAtRecentPosition(String processor, ViewConsistency.Level level, Object query, Class<R> type) {
        if (level != ViewConsistency.Level.EVENTUAL) {
            return null;
        }
        Optional<String> position = recent.recent(processor);
        if (position.isEmpty()) {
            return null;
        }
        // The map's view, so that the cache's hit and miss counts stay those of reads at a position read for them.
        CompletableFuture<Object> kept = answers.asMap().get(new Key(processor, query, position.get()));
        if (kept == null || !kept.isDone() || kept.isCompletedExceptionally()) {
            return null;
        }
        reused.increment();
        return type.cast(kept.join());
    }

    /**
     * The computation with the asking request's log context (its correlation id), so that what it logs on a
     * computation thread can be traced to the request that started it; the thread's own context is restored after.
     */
    private static <R> Supplier<R> withLogContext(Supplier<R> compute) {
        Map<String, String> asking = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            if (asking == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(asking);
            }
            try {
                return compute.get();
            } finally {
                if (own == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(own);
                }
            }
        };
    }

    private <R> R await(Key key, CompletableFuture<Object> answer, Class<R> type) {
        try {
            return type.cast(answer.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw FiguresComputingException.stillComputing(wait);
        } catch (ExecutionException e) {
            // A failed computation is not kept. The cache drops a future that fails, but on the computing thread,
            // possibly after this one has seen the failure: drop it here too, so that asking again computes anew.
            if (key != null) {
                answers.asMap().remove(key, answer);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a view's answer", e);
        }
    }

    /** How many answers are kept, after running what maintenance (evictions) is pending; for tests. */
    long kept() {
        answers.synchronous().cleanUp();
        return answers.synchronous().estimatedSize();
    }

    @Override
    public void destroy() {
        computing.shutdownNow();
    }

    /**
     * Every segment's token of the processor as stored, in segment order, with the generation and state of the view's
     * latest rebuild; empty before the processor has stored any token. One statement, so one consistent reading.
     */
    private Optional<Position> position(String processor) {
        StringBuilder position = new StringBuilder();
        boolean[] rebuilding = {false};
        jdbc.query("select t.segment, t.token_type, t.token, r.generation, r.state from token_entry t "
                + "left join view_rebuild r on r.view_name = t.processor_name and r.generation = "
                + "(select max(l.generation) from view_rebuild l where l.view_name = t.processor_name) "
                + "where t.processor_name = ? order by t.segment", rs -> {
                    byte[] token = rs.getBytes(3);
                    position.append(rs.getInt(1)).append(':').append(rs.getString(2)).append(':')
                            .append(token == null ? "" : new String(token, StandardCharsets.ISO_8859_1))
                            .append(':').append(rs.getLong(4)).append(':').append(rs.getString(5)).append('\n');
                    String state = rs.getString(5);
                    rebuilding[0] |= state != null && ViewRebuilds.State.valueOf(state).active();
                }, processor);
        return position.isEmpty() ? Optional.empty()
                : Optional.of(new Position(position.toString(), rebuilding[0]));
    }

    /** The size of an answer's JSON in bytes, counted without keeping it: for those not kept as JSON. */
    private int weight(Object answer) {
        CountingStream counter = new CountingStream();
        try {
            json.writeValue(counter, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) Math.min(Integer.MAX_VALUE, counter.bytes);
    }

    private static final class CountingStream extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
