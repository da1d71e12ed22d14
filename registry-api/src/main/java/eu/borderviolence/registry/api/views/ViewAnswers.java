package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.borderviolence.registry.api.config.RegistryApiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
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
 * reads the shared tables, so a change made on one node is seen by the others' keys at once. The position is read on
 * every request: one small indexed read.
 *
 * <p>Bounded: at most {@code registry.api.view-answer-memory} of answers, weighed by the size of their JSON, the
 * least useful evicted first; answers unused for {@value #IDLE_MINUTES} minutes go. At most
 * {@code registry.api.view-computations} answers are computed at once, so that many different questions at once
 * queue rather than each holding a large tally in the heap; one question asked by many at once is computed once, the
 * others wait for its answer. Metrics: {@code cache.*} tagged {@code cache=view-answers}.
 */
@Component
public class ViewAnswers {

    static final int IDLE_MINUTES = 10;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final AsyncCache<Key, Object> answers;
    private final Semaphore computations;

    public ViewAnswers(JdbcTemplate jdbc, ObjectMapper json, RegistryApiProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.viewAnswerMemory().toBytes())
                .weigher((Key key, Object answer) -> weight(answer))
                .expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES))
                .recordStats()
                .buildAsync();
        this.computations = new Semaphore(properties.viewComputations(), true);
        CaffeineCacheMetrics.monitor(meters, answers, "view-answers");
    }

    /** A query's answer at the processor's present position. */
    record Key(String processor, Object query, String position) {
    }

    /**
     * The answer to {@code query} from the tables of {@code processor}: the one kept for the processor's present
     * position, or else {@code compute}'s, which is then kept.
     */
    public <R> R answer(String processor, Object query, Class<R> type, Supplier<R> compute) {
        Optional<String> position = position(processor);
        if (position.isEmpty()) {
            return computeAlone(compute);
        }
        Key key = new Key(processor, query, position.get());
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> kept = answers.get(key, (k, executor) -> mine);
        if (kept == mine) {
            // This request asked first: it computes, outside the cache's locks; others asking meanwhile wait for it.
            try {
                mine.complete(computeAlone(compute));
            } catch (RuntimeException | Error e) {
                // A failed computation is not kept: the cache drops a future that completes exceptionally.
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return type.cast(kept.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Runs what maintenance the cache has pending (evictions), now rather than soon; for tests. */
    void cleanUp() {
        answers.synchronous().cleanUp();
    }

    private <R> R computeAlone(Supplier<R> compute) {
        computations.acquireUninterruptibly();
        try {
            return compute.get();
        } finally {
            computations.release();
        }
    }

    /**
     * Every segment's token of the processor as stored, in segment order, with the generation and state of the view's
     * latest rebuild; empty before the processor has stored any token. One statement, so one consistent reading.
     */
    private Optional<String> position(String processor) {
        StringBuilder position = new StringBuilder();
        jdbc.query("select t.segment, t.token_type, t.token, r.generation, r.state from token_entry t "
                + "left join view_rebuild r on r.view_name = t.processor_name and r.generation = "
                + "(select max(l.generation) from view_rebuild l where l.view_name = t.processor_name) "
                + "where t.processor_name = ? order by t.segment", rs -> {
                    byte[] token = rs.getBytes(3);
                    position.append(rs.getInt(1)).append(':').append(rs.getString(2)).append(':')
                            .append(token == null ? "" : new String(token, StandardCharsets.ISO_8859_1))
                            .append(':').append(rs.getLong(4)).append(':').append(rs.getString(5)).append('\n');
                }, processor);
        return position.isEmpty() ? Optional.empty() : Optional.of(position.toString());
    }

    /** The size of the answer's JSON in bytes, counted without keeping it. */
    private int weight(Object answer) {
        Counter counter = new Counter();
        try {
            json.writeValue(counter, answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) Math.min(Integer.MAX_VALUE, counter.bytes);
    }

    private static final class Counter extends OutputStream {
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
