package eu.borderviolence.registry.api.storage;

import eu.borderviolence.registry.RegistryApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event store reads what follows a processor's position by index while the position has gaps, and reads exactly
 * the events Axon's own JPA engine reads, in the same order, with the same positions.
 */
class IndexedGapsEventStorageEngineTest {

    private static final int EVENTS = 300;

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext app;
    private static List<Long> positions;
    /** A position drawn from the sequence by a transaction that rolled back: a gap that never fills. */
    private static long rolledBack;

    @BeforeAll
    static void storeEvents() {
        RegistryApplication.disableAxonUpdateChecker();
        app = new SpringApplicationBuilder(RegistryApplication.class).run("--server.port=0",
                "--registry.data-dir=" + dataDir,
                "--spring.jpa.properties.hibernate.session_factory.statement_inspector="
                        + RecordedStatements.class.getName());
        EventStorageEngine engine = app.getBean(EventStorageEngine.class);
        TransactionManager transactions = app.getBean(TransactionManager.class);
        for (int event = 0; event < EVENTS; event++) {
            int number = event;
            transactions.executeInTransaction(() -> engine.appendEvents(message(number)));
            if (event == 50) {
                assertThatThrownBy(() -> transactions.executeInTransaction(() -> {
                    engine.appendEvents(message(EVENTS));
                    throw new IllegalStateException("refused after storing");
                })).hasMessage("refused after storing");
            }
        }
        positions = app.getBean(JdbcTemplate.class)
                .queryForList("select global_index from domain_event_entry order by global_index", Long.class);
        rolledBack = LongStream.rangeClosed(positions.get(0), positions.get(positions.size() - 1))
                .filter(position -> !positions.contains(position)).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void forgetStatements() {
        RecordedStatements.recorded = Thread.currentThread();
        RecordedStatements.SQL.clear();
    }

    @Test
    void theRegistryStoresEventsWithThisEngine() {
        assertThat(app.getBean(EventStorageEngine.class)).isInstanceOf(IndexedGapsEventStorageEngine.class);
        assertThat(positions).hasSize(EVENTS);
    }

    @Test
    void readsWhatAxonsEngineReadsWhateverTheGapsAndTheBatch() {
        long last = positions.get(positions.size() - 1);
        List<GapAwareTrackingToken> tokens = List.of(
                token(positions.get(250), positions.get(3)), // one filled gap, far behind
                token(positions.get(250), positions.get(3), positions.get(7), positions.get(8), positions.get(240)),
                token(last - 1, rolledBack), // a gap that never fills, and the newest event after the position
                token(last, rolledBack), // nothing new: only the hole, which stays one
                token(positions.get(100), positions.get(10), rolledBack, positions.get(99)));
        for (int batchSize : new int[]{1, 2, 3, 100}) {
            for (GapAwareTrackingToken token : tokens) {
                assertThat(read(engine(batchSize, true), token))
                        .as("batch of %d from %s", batchSize, token)
                        .isEqualTo(read(engine(batchSize, false), token));
            }
        }
    }

    @Test
    void readsWhatAxonsEngineReadsWhenItsBatchesAreShared() {
        List<GapAwareTrackingToken> tokens = Arrays.asList(null,
                token(positions.get(250), positions.get(3), positions.get(7)),
                token(positions.get(100), positions.get(10), rolledBack, positions.get(99)));
        for (int batchSize : new int[]{1, 3, 100}) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            EventStorageEngine sharing = sharing(batchSize, meters);
            for (GapAwareTrackingToken token : tokens) {
                List<Read> axons = read(engine(batchSize, false), token);
                for (List<TrackedEventMessage<?>> reader : sideBySide(sharing, token)) {
                    assertThat(reader.stream().map(Read::of).toList()).as("batch of %d from %s", batchSize, token)
                            .isEqualTo(axons);
                }
            }
            assertThat(meters.get("registry.event-batches").tag("read", "shared").counter().count())
                    .as("batches one reader took from the other's read").isPositive();
        }
    }

    @Test
    void readersOfTheSameStretchSideBySideShareItsFullBatchesAndTheirMessages() {
        List<List<TrackedEventMessage<?>>> readers = sideBySide(sharing(100), null);
        List<TrackedEventMessage<?>> first = readers.get(0);
        List<TrackedEventMessage<?>> second = readers.get(1);
        // The first batch each reads alone: neither was behind the head before it. Of the two others, each is read
        // once and taken by the other reader; then each reader's read past the head finds nothing.
        assertThat(eventReads()).hasSize(2 + 2 + 2);
        assertThat(first).hasSize(EVENTS);
        assertThat(second).hasSize(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            assertThat(second.get(i).getIdentifier()).isEqualTo(first.get(i).getIdentifier());
            if (i >= 100) {
                // the same message, whose payload is deserialized once for both readers
                assertThat(second.get(i)).isSameAs(first.get(i));
                assertThat(second.get(i).getPayload()).isSameAs(first.get(i).getPayload());
            }
        }
    }

    @Test
    void theHeadOfTheHistoryIsReadAgainByEachReader() {
        EventStorageEngine sharing = sharing(100);
        GapAwareTrackingToken nearTheHead = token(positions.get(positions.size() - 3));
        assertThat(messages(sharing, nearTheHead)).hasSize(2);
        assertThat(messages(sharing, nearTheHead)).hasSize(2);
        // each reader: the two newest events (not a full batch, so not kept), then nothing
        assertThat(eventReads()).hasSize(4);
    }

    @Test
    void readsFromTheLowestGapOnInOneStatementWhereAxonsQueryWalksTheTable() throws Exception {
        long lowestGap = positions.get(270);
        GapAwareTrackingToken token = token(positions.get(280), lowestGap, positions.get(275));

        List<Read> reads = read(engine(100, true), token);
        assertThat(reads).hasSize(2 + (positions.size() - 281));
        // One statement per batch, as Axon's: a transaction's events become visible together to one statement, while
        // two (the gaps, then what follows) could see its later event and miss its earlier one.
        List<String> sent = eventReads(); // the batch's read, then the next batch's, which finds nothing
        assertThat(sent).hasSize(2);
        // H2 counts a row or two more than it reads where a read reaches past its last row
        assertThat(scanCount(sent.get(0), lowestGap, positions.get(280), lowestGap, positions.get(275), 100))
                .isLessThanOrEqualTo(positions.size() - 270 + 2);

        // Why this engine exists: the statement of Axon's engine reads every row before the position. Should an H2
        // release learn to read it by index, this fails, and the engine may go (docs/benchmarks.md).
        RecordedStatements.SQL.clear();
        read(engine(100, false), token);
        assertThat(scanCount(eventReads().get(0), positions.get(280), lowestGap, positions.get(275), 100))
                .isGreaterThanOrEqualTo(280);
    }

    private static GapAwareTrackingToken token(long position, Long... gaps) {
        return GapAwareTrackingToken.newInstance(position, new TreeSet<>(List.of(gaps)));
    }

    /** An engine on the registry's event table, this one or Axon's own, reading batches of the given size. */
    private static EventStorageEngine engine(int batchSize, boolean indexedGaps) {
        return EventStorageEngines.on(app, batchSize, indexedGaps);
    }

    /** The registry's engine, keeping the full batches it reads for its other readers. */
    private static EventStorageEngine sharing(int batchSize) {
        return sharing(batchSize, new SimpleMeterRegistry());
    }

    /** An engine whose readers share up to 10,000 events, its batches counted in {@code meters}. */
    private static EventStorageEngine sharing(int batchSize, MeterRegistry meters) {
        return EventStorageEngines.sharing(app, batchSize, SharedEventBatches.of(10_000, meters));
    }

    /** Every event after the token as two streams read it, side by side, an event from each in turn. */
    private static List<List<TrackedEventMessage<?>>> sideBySide(EventStorageEngine engine, TrackingToken token) {
        List<TrackedEventMessage<?>> first = new ArrayList<>();
        List<TrackedEventMessage<?>> second = new ArrayList<>();
        try (var one = engine.readEvents(token, false); var other = engine.readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> ones = one.iterator();
            Iterator<? extends TrackedEventMessage<?>> others = other.iterator();
            while (ones.hasNext() | others.hasNext()) {
                if (ones.hasNext()) {
                    first.add(ones.next());
                }
                if (others.hasNext()) {
                    second.add(others.next());
                }
            }
        }
        return List.of(first, second);
    }

    private static List<TrackedEventMessage<?>> messages(EventStorageEngine engine, TrackingToken token) {
        try (var events = engine.readEvents(token, false)) {
            return events.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }

    /** Every event after the token, with the position each leaves the reader at. */
    private static List<Read> read(EventStorageEngine engine, TrackingToken token) {
        List<Read> reads = new ArrayList<>();
        try (var events = engine.readEvents(token, false)) {
            events.forEach(event -> reads.add(Read.of(event)));
        }
        return reads;
    }

    private record Read(String eventId, TrackingToken position) {

        static Read of(TrackedEventMessage<?> event) {
            return new Read(event.getIdentifier(), event.trackingToken());
        }
    }

    private static GenericDomainEventMessage<String> message(int number) {
        return new GenericDomainEventMessage<>("TestMarker", "aggregate-" + number, 0, "event " + number);
    }

    private static List<String> eventReads() {
        return RecordedStatements.SQL.stream()
                .filter(sql -> sql.contains("domain_event_entry") && sql.contains("order by")).toList();
    }

    /** H2's count of the rows a statement read, run with the given parameters in their order. */
    private static long scanCount(String sql, Object... parameters) throws Exception {
        assertThat(sql.chars().filter(c -> c == '?').count()).as(sql).isEqualTo(parameters.length);
        try (var connection = app.getBean(javax.sql.DataSource.class).getConnection();
             var explain = connection.prepareStatement("explain analyze " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (var plan = explain.executeQuery()) {
                plan.next();
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
                assertThat(scanned.find()).as(plan.getString(1)).isTrue();
                return Long.parseLong(scanned.group(1));
            }
        }
    }

    /** Hibernate hands every statement it prepares to this, here to keep its SQL. */
    public static class RecordedStatements implements StatementInspector {

        static final Queue<String> SQL = new ConcurrentLinkedQueue<>();
        /** Only the test's own statements, not those of the registry's processors running beside it. */
        static volatile Thread recorded = Thread.currentThread();

        @Override
        public String inspect(String sql) {
            if (Thread.currentThread() == recorded) {
                SQL.add(sql);
            }
            return sql;
        }
    }
}
