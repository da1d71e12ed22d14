package eu.borderviolence.registry.api.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.borderviolence.registry.api.config.RegistryApiProperties;
import eu.borderviolence.registry.api.error.FiguresComputingException;
import eu.borderviolence.registry.api.error.ViewRebuildingException;
import eu.borderviolence.registry.api.rest.ViewConsistency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static eu.borderviolence.registry.api.rest.ViewConsistency.Level.EVENTUAL;
import static eu.borderviolence.registry.api.rest.ViewConsistency.Level.STRONG;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The views' answers are kept exactly as long as the processor's position and the view's rebuilds are unchanged, and
 * never beyond their memory; one question asked by many at once is computed once.
 */
class ViewAnswersTest {

    private static final String VIEW = "incident-facts";

    private EmbeddedDatabase database;
    private JdbcTemplate jdbc;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ViewGuard guard = mock(ViewGuard.class);
    private final ViewConsistency consistency = mock(ViewConsistency.class);
    private final AtomicInteger computed = new AtomicInteger();

    @BeforeEach
    void tables() {
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .setName("answers-" + UUID.randomUUID()).build();
        jdbc = new JdbcTemplate(database);
        jdbc.execute("create table token_entry (processor_name varchar(255) not null, segment integer not null, "
                + "token varbinary(10000), token_type varchar(255), timestamp varchar(255), owner varchar(255), "
                + "primary key (processor_name, segment))");
        jdbc.execute("create table view_rebuild (view_name varchar(100) not null, generation bigint not null, "
                + "state varchar(20) not null, primary key (view_name, generation))");
    }

    @AfterEach
    void drop() {
        made.forEach(ViewAnswers::destroy);
        database.shutdown();
    }

    private final List<ViewAnswers> made = new ArrayList<>();

    /** The time, in nanoseconds, as the answers' readings of positions see it. */
    private final AtomicLong now = new AtomicLong();

    private ViewAnswers answers(DataSize memory, int computations, Duration wait, Duration positionReuse) {
        ViewAnswers answers = new ViewAnswers(jdbc, new ObjectMapper(), new RegistryApiProperties(null, null, memory,
                computations, wait, positionReuse), meters, guard, consistency,
                new RecentPositions(positionReuse, now::get));
        made.add(answers);
        return answers;
    }

    /** Answers that read the position for every request, as the tests of what a position keeps need. */
    private ViewAnswers answers(DataSize memory, int computations, Duration wait) {
        return answers(memory, computations, wait, Duration.ZERO);
    }

    /** Answers that may reuse a position read within the last 100 ms. */
    private ViewAnswers reusing() {
        return answers(DataSize.ofMegabytes(1), 2, Duration.ofSeconds(10), Duration.ofMillis(100));
    }

    private void later(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private ViewAnswers answers(DataSize memory, int computations) {
        return answers(memory, computations, Duration.ofSeconds(10));
    }

    private ViewAnswers answers() {
        return answers(DataSize.ofMegabytes(1), 2);
    }

    private void store(int segment, String token) {
        jdbc.update("delete from token_entry where processor_name = ? and segment = ?", VIEW, segment);
        jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) "
                        + "values (?, ?, ?, 'GlobalSequenceTrackingToken', ?, 'node-1')", VIEW, segment,
                token.getBytes(StandardCharsets.UTF_8), String.valueOf(System.nanoTime()));
    }

    private Supplier<String> computing(String answer) {
        return () -> {
            computed.incrementAndGet();
            return answer;
        };
    }

    private String ask(ViewAnswers answers, Object query) {
        return text(answers.answer(VIEW, EVENTUAL, query, String.class, computing("figures of " + query)));
    }

    /** The answer, a JSON string, as the text it holds. */
    private static String text(JsonAnswer<?> answer) {
        return answer.tree(new ObjectMapper()).asText();
    }

    @Test
    void theSameQuestionAtTheSamePositionIsComputedOnce() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        store(1, "{\"index\":9}");

        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");
        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");

        assertThat(computed).hasValue(1);
        assertThat(meters.get("cache.gets").tag("cache", "view-answers").tag("result", "hit").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("cache", "view-answers").tag("result", "miss").functionCounter()
                .count()).isEqualTo(1);
    }

    @Test
    void anyStoredTokenChangeComputesAgain() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        store(1, "{\"index\":9}");
        ask(answers, "borders");

        store(1, "{\"index\":12}");
        ask(answers, "borders");
        // Claims and their renewals are not changes: only the tokens count.
        jdbc.update("update token_entry set owner = 'node-2', timestamp = 'later'");
        ask(answers, "borders");

        assertThat(computed).hasValue(2);
    }

    @Test
    void aRebuildComputesAgainThoughItEndsAtTheTokensItStartedFrom() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        ask(answers, "borders");

        jdbc.update("insert into view_rebuild (view_name, generation, state) values (?, 1, 'REQUESTED')", VIEW);
        ask(answers, "borders");
        jdbc.update("update view_rebuild set state = 'FINISHED' where view_name = ? and generation = 1", VIEW);
        ask(answers, "borders");
        ask(answers, "borders");
        jdbc.update("insert into view_rebuild (view_name, generation, state) values (?, 2, 'FINISHED')", VIEW);
        ask(answers, "borders");

        assertThat(computed).hasValue(4);
    }

    @Test
    void aViewThatServesIsReadWithoutAskingTheGuard() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        ask(answers, "borders");
        jdbc.update("insert into view_rebuild (view_name, generation, state) values (?, 1, 'FINISHED')", VIEW);
        jdbc.update("insert into view_rebuild (view_name, generation, state) values (?, 2, 'FAILED')", VIEW);
        ask(answers, "borders");
        answers.answerHereAsJson(VIEW, EVENTUAL, "page 0", String.class, computing("page"));
        answers.answerHere(VIEW, "count", Long.class, () -> 21L);

        verify(guard, never()).requireServing(VIEW);
    }

    @Test
    void aViewWhoseLatestRebuildIsUnderWayIsReadOnlyIfTheGuardLetsIt() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        jdbc.update("insert into view_rebuild (view_name, generation, state) values (?, 1, 'REPLAYING')", VIEW);
        doThrow(new ViewRebuildingException(java.util.Map.of(VIEW, 40.0))).when(guard).requireServing(VIEW);

        assertThatThrownBy(() -> ask(answers, "borders")).isInstanceOf(ViewRebuildingException.class);
        assertThatThrownBy(() -> answers.answerHereAsJson(VIEW, EVENTUAL, "page 0", String.class,
                computing("page"))).isInstanceOf(ViewRebuildingException.class);
        assertThatThrownBy(() -> answers.answerHere(VIEW, "count", Long.class, () -> 21L))
                .isInstanceOf(ViewRebuildingException.class);
        assertThat(computed).hasValue(0);

        // The guard finds the rebuild caught up and finishes it: the view is read at the position after it.
        doAnswer(call -> jdbc.update("update view_rebuild set state = 'FINISHED' where view_name = ?", VIEW))
                .when(guard).requireServing(VIEW);
        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");
        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");
        assertThat(computed).hasValue(1);
    }

    @Test
    void anEventualReadShortlyAfterAnotherTakesItsKeptAnswerWithoutReadingThePositionAgain() {
        ViewAnswers answers = reusing();
        Supplier<Long> counting = () -> {
            computed.incrementAndGet();
            return 21L;
        };
        store(0, "{\"index\":7}");
        ask(answers, "borders");
        answers.answerHere(VIEW, "count", Long.class, counting);

        store(0, "{\"index\":8}");
        later(60);
        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");
        assertThat(answers.answerHere(VIEW, "count", Long.class, counting)).isEqualTo(21L);
        assertThat(computed).hasValue(2); // the position read 60 ms ago, though the view has changed since
        assertThat(meters.get("registry.view-answers.recent-position").counter().count()).isEqualTo(2);
        // The cache's own counts stay those of reads at a position read for them: two misses, no hit.
        assertThat(meters.get("cache.gets").tag("cache", "view-answers").tag("result", "hit").functionCounter()
                .count()).isZero();

        later(41);
        ask(answers, "borders");
        assertThat(computed).hasValue(3); // 101 ms after the reading: the position read again, and changed
    }

    @Test
    void aQuestionNotKeptAtTheRecentPositionIsComputedAtAPositionReadForIt() {
        ViewAnswers answers = reusing();
        store(0, "{\"index\":7}");
        ask(answers, "borders");
        store(0, "{\"index\":8}");
        later(10);

        // Not kept: the position is read again, and the answer computed and kept at the view's present position.
        answers.answerHereAsJson(VIEW, EVENTUAL, "page 0", String.class, computing("page"));
        later(10);
        ask(answers, "borders"); // that reading is now the recent one, and borders is not kept for it
        ask(answers, "borders");

        assertThat(computed).hasValue(3);
        assertThat(meters.get("registry.view-answers.recent-position").counter().count()).isEqualTo(1);
    }

    @Test
    void aStrongReadAlwaysReadsThePosition() {
        ViewAnswers answers = reusing();
        store(0, "{\"index\":7}");
        ask(answers, "borders");
        store(0, "{\"index\":8}");

        answers.answer(VIEW, STRONG, "borders", String.class, computing("figures"));
        answers.answerHereAsJson(VIEW, STRONG, "page 0", String.class, computing("page"));

        assertThat(computed).hasValue(3);
    }

    @Test
    void aViewReadDuringItsRebuildAsksTheGuardEveryTimeAndNeverReusesAPosition() {
        ViewAnswers answers = reusing();
        store(0, "{\"index\":7}");
        ask(answers, "borders");
        jdbc.update("insert into view_rebuild (view_name, generation, state) values (?, 1, 'REPLAYING')", VIEW);
        later(150);

        ask(answers, "borders"); // the guard lets it through, the rebuild still shown as under way
        later(10);
        ask(answers, "borders");
        answers.answerHere(VIEW, "count", Long.class, () -> 21L);

        verify(guard, times(3)).requireServing(VIEW);
    }

    @Test
    void beforeAnyTokenIsStoredTheGuardIsAsked() {
        ViewAnswers answers = answers();
        ask(answers, "borders");

        verify(guard).requireServing(VIEW);
    }

    @Test
    void aStrongReadIsRefusedDuringARebuildBeforeItWaitsForTheViews() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        answers.answer(VIEW, STRONG, "borders", String.class, computing("figures"));
        InOrder order = inOrder(guard, consistency);
        order.verify(guard).requireServing(VIEW);
        order.verify(consistency).await(STRONG);

        doThrow(new ViewRebuildingException(java.util.Map.of(VIEW, 40.0))).when(guard).requireServing(VIEW);
        assertThatThrownBy(() -> answers.answerHereAsJson(VIEW, STRONG, "page 0", String.class, computing("page")))
                .isInstanceOf(ViewRebuildingException.class);
        verify(consistency).await(STRONG); // once, for the first read
    }

    @Test
    void anotherViewsRebuildChangesNothing() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        ask(answers, "borders");
        jdbc.update("insert into view_rebuild (view_name, generation, state) values ('case-history', 1, 'FINISHED')");
        ask(answers, "borders");

        assertThat(computed).hasValue(1);
    }

    @Test
    void beforeTheProcessorHasStoredATokenNothingIsKept() {
        ViewAnswers answers = answers();
        ask(answers, "borders");
        ask(answers, "borders");

        assertThat(computed).hasValue(2);
    }

    @Test
    void eachQuestionHasItsOwnAnswer() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");

        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");
        assertThat(ask(answers, "authorities")).isEqualTo("figures of authorities");
        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");

        assertThat(computed).hasValue(2);
    }

    @Test
    void aFailedComputationIsNotKept() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");

        assertThatThrownBy(() -> answers.answer(VIEW, EVENTUAL, "borders", String.class, () -> {
            computed.incrementAndGet();
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(ask(answers, "borders")).isEqualTo("figures of borders");

        assertThat(computed).hasValue(2);
    }

    @Test
    void answersBeyondTheMemoryAreNotKept() {
        ViewAnswers answers = answers(DataSize.ofKilobytes(1), 2);
        store(0, "{\"index\":7}");
        String large = "x".repeat(4096);

        answers.answer(VIEW, EVENTUAL, "borders", String.class, computing(large));
        // The cache weighs an answer once its computation has completed, on the computing thread: wait for that.
        awaitKept(answers, 0);
        answers.answer(VIEW, EVENTUAL, "borders", String.class, computing(large));
        awaitKept(answers, 0);
        ask(answers, "quarterly");
        awaitKept(answers, 1);
        ask(answers, "quarterly");

        assertThat(computed).hasValue(3);
    }

    @Test
    void oneQuestionAskedByManyAtOnceIsComputedOnce() throws Exception {
        assertManyAskersShareOneComputation((answers, compute) -> text(answers.answer(VIEW, EVENTUAL, "borders",
                Object.class, compute)));
    }

    /** One computation at a time, whichever asks first; the others, asking meanwhile, wait for its answer. */
    private void assertManyAskersShareOneComputation(Asking asking) throws Exception {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService askers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> asked = new ArrayList<>();
            asked.add(askers.submit(() -> asking.ask(answers, () -> {
                computed.incrementAndGet();
                computing.countDown();
                await(release);
                return "figures";
            })));
            assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                asked.add(askers.submit(() -> asking.ask(answers, () -> {
                    computed.incrementAndGet();
                    return "again";
                })));
            }
            release.countDown();
            for (Future<Object> answer : asked) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("figures");
            }
        } finally {
            askers.shutdownNow();
        }
        assertThat(computed).hasValue(1);
    }

    private interface Asking {
        Object ask(ViewAnswers answers, Supplier<Object> compute);
    }

    @Test
    void differentQuestionsBeyondTheLimitWaitTheirTurn() throws Exception {
        ViewAnswers answers = answers(DataSize.ofMegabytes(1), 1);
        store(0, "{\"index\":7}");
        AtomicInteger running = new AtomicInteger();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String query = "quarter " + i;
                asked.add(askers.submit(() -> text(answers.answer(VIEW, EVENTUAL, query, String.class, () -> {
                    seen.add(running.incrementAndGet());
                    sleep(Duration.ofMillis(50));
                    running.decrementAndGet();
                    return query;
                }))));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(asked.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("quarter " + i);
            }
        } finally {
            askers.shutdownNow();
        }
        assertThat(seen).hasSize(4).containsOnly(1);
    }

    @Test
    void aQuestionSlowerThanTheWaitIsToldToAskAgainAndFindsItsAnswerKept() throws Exception {
        ViewAnswers answers = answers(DataSize.ofMegabytes(1), 2, Duration.ofMillis(100));
        store(0, "{\"index\":7}");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Supplier<String> slow = () -> {
            computed.incrementAndGet();
            await(release);
            done.countDown();
            return "figures of a million events";
        };

        assertThatThrownBy(() -> answers.answer(VIEW, EVENTUAL, "borders", String.class, slow))
                .isInstanceOf(FiguresComputingException.class).hasMessageContaining("ask again");
        release.countDown();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(text(answers.answer(VIEW, EVENTUAL, "borders", String.class, computing("again"))))
                .isEqualTo("figures of a million events");
        assertThat(computed).hasValue(1);
    }

    @Test
    void tooManyQuestionsWaitingAreRefusedWithoutBeingComputedWhileQuickAnswersStillCome() {
        ViewAnswers answers = answers(DataSize.ofMegabytes(1), 1, Duration.ofMillis(20));
        store(0, "{\"index\":7}");
        CountDownLatch release = new CountDownLatch(1);
        try {
            // One computing, QUEUED_PER_THREAD waiting: each asker is told to ask again, the computations stay.
            for (int i = 0; i <= ViewAnswers.QUEUED_PER_THREAD; i++) {
                String query = "quarter " + i;
                assertThatThrownBy(() -> answers.answer(VIEW, EVENTUAL, query, String.class, () -> {
                    await(release);
                    return query;
                })).isInstanceOf(FiguresComputingException.class).hasMessageContaining("to compute");
            }
            assertThatThrownBy(() -> ask(answers, "one too many"))
                    .isInstanceOf(FiguresComputingException.class).hasMessageContaining("Too many");
            assertThat(computed).hasValue(0);
            // A quick answer (a list's total) is computed on the asking thread, not queued behind them.
            assertThat(answers.answerHere(VIEW, "count", Long.class, () -> 21L)).isEqualTo(21L);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aComputationLogsWithTheCorrelationIdOfTheRequestThatStartedIt() {
        ViewAnswers answers = answers(DataSize.ofMegabytes(1), 1);
        store(0, "{\"index\":7}");
        try {
            MDC.put("correlationId", "request-1");
            assertThat(text(answers.answer(VIEW, EVENTUAL, "borders", String.class, () -> MDC.get("correlationId"))))
                    .isEqualTo("request-1");
            MDC.remove("correlationId");
            // The same (single) computation thread, asked without a context, keeps none from before.
            assertThat(text(answers.answer(VIEW, EVENTUAL, "authorities", String.class,
                    () -> String.valueOf(MDC.get("correlationId"))))).isEqualTo("null");
        } finally {
            MDC.remove("correlationId");
        }
    }

    @Test
    void aQuickAnswerIsComputedOnTheAskingThreadAndKeptLikeTheOthers() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        Supplier<Long> counting = () -> {
            computed.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return 21L;
        };

        assertThat(answers.answerHere(VIEW, "count", Long.class, counting)).isEqualTo(21L);
        assertThat(answers.answerHere(VIEW, "count", Long.class, counting)).isEqualTo(21L);
        store(0, "{\"index\":8}");
        assertThat(answers.answerHere(VIEW, "count", Long.class, counting)).isEqualTo(21L);

        assertThat(computed).hasValue(2);
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void aQuickAnswerKeptAsJsonIsWrittenOnceUntilTheViewChanges() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");
        Supplier<String> reading = () -> "read " + computed.incrementAndGet();

        assertThat(answers.answerHereAsJson(VIEW, EVENTUAL, "page 0", String.class, reading).toString())
                .isEqualTo("JsonAnswer[8 bytes]");
        assertThat(text(answers.answerHereAsJson(VIEW, EVENTUAL, "page 0", String.class, reading))).isEqualTo("read 1");
        store(0, "{\"index\":8}");
        assertThat(text(answers.answerHereAsJson(VIEW, EVENTUAL, "page 0", String.class, reading))).isEqualTo("read 2");

        assertThat(computed).hasValue(2);
    }

    @Test
    void aFailedQuickAnswerIsNotKept() {
        ViewAnswers answers = answers();
        store(0, "{\"index\":7}");

        assertThatThrownBy(() -> answers.answerHere(VIEW, "count", Long.class, () -> {
            computed.incrementAndGet();
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        assertThat(answers.answerHere(VIEW, "count", Long.class, () -> (long) computed.incrementAndGet()))
                .isEqualTo(2L);
    }

    @Test
    void oneQuickQuestionAskedByManyAtOnceIsComputedOnce() throws Exception {
        assertManyAskersShareOneComputation((answers, compute) -> answers.answerHere(VIEW, "count", Object.class,
                compute));
    }

    @Test
    void beforeTheProcessorHasStoredATokenAQuickAnswerIsComputedEachTime() {
        ViewAnswers answers = answers();

        answers.answerHere(VIEW, "count", Long.class, () -> (long) computed.incrementAndGet());
        answers.answerHere(VIEW, "count", Long.class, () -> (long) computed.incrementAndGet());

        assertThat(computed).hasValue(2);
    }

    private static void awaitKept(ViewAnswers answers, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (answers.kept() != expected && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(5));
        }
        assertThat(answers.kept()).isEqualTo(expected);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
