package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.config.AxonConfig;
import eu.borderviolence.registry.api.error.ConflictException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.integrity.IntegrityChain;
import eu.borderviolence.registry.api.MutableClock;
import eu.borderviolence.registry.api.storage.Durability;
import eu.borderviolence.registry.core.api.Actor;
import eu.borderviolence.registry.projections.ViewTables;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The rebuild protocol between nodes, on a real (in-memory) database with the registry's schema, the processors
 * stubbed: each "node" is a {@link ViewRebuilds} with its own processor for the view, and they meet only in the
 * tables, as nodes do.
 */
class ViewRebuildsTest {

    private static final Actor AUDITOR = new Actor("auditor-1", "audit-office");
    private static final String VIEW = "case-history";
    /** The view's tables as the case history declares them. */
    private static final ViewTables HISTORY = new ViewTables(VIEW, List.of("case_history_entry",
            "case_history_merge"));

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(AxonConfig.storedJson()).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final EventStore eventStore = mock(EventStore.class);
    private final Durability durability = mock(Durability.class);
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;
    private Node node;

    @BeforeEach
    void database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:rebuilds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(1000));
        segmentsAt("node-a", 1000, 1000);
        node = new Node("node-a");
    }

    /** One registry node: its own processor for the view, its own coordinator, the shared database. */
    private final class Node {
        final String name;
        final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
        final AtomicBoolean running = new AtomicBoolean(true);
        /** The node's readings of the views' positions, never too old to reuse unless forgotten. */
        final RecentPositions recent = new RecentPositions(Duration.ofMinutes(1), () -> 0L);
        final ViewRebuilds rebuilds;

        /** The rows of the view's tables when the reset began, by table. */
        final Map<String, Long> rowsAtReset = new TreeMap<>();
        /** What the reset throws while set. */
        final AtomicReference<RuntimeException> resetFailure = new AtomicReference<>();

        Node(String name, ViewTables... owned) {
            this.name = name;
            StreamingEventProcessor chain = mock(StreamingEventProcessor.class);
            EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
            Map<String, EventProcessor> processors = Map.of(VIEW, processor, IntegrityChain.PROCESSING_GROUP, chain);
            when(processing.eventProcessors()).thenReturn(processors);
            when(processing.eventProcessor(VIEW, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
            when(processor.isRunning()).thenAnswer(invocation -> running.get());
            doAnswer(invocation -> {
                running.set(false);
                jdbc.update("update token_entry set owner = null where processor_name = ? and owner = ?", VIEW, name);
                return null;
            }).when(processor).shutDown();
            doAnswer(invocation -> {
                running.set(true);
                return null;
            }).when(processor).start();
            doAnswer(invocation -> {
                if (resetFailure.get() != null) {
                    throw resetFailure.get();
                }
                for (ViewTables tables : owned) { // what the view's @ResetHandler does
                    tables.tables().forEach(table -> rowsAtReset.put(table, rows(table)));
                    tables.empty(jdbc);
                }
                segmentsAt(name, -1, -1);
                return null;
            }).when(processor).resetTokens();
            ProcessorPositions positions = new ProcessorPositions(jdbc, serializer, clock, Duration.ofSeconds(10));
            rebuilds = new ViewRebuilds(processing, eventStore, positions, jdbc, transactions, clock,
                    Duration.ofSeconds(1), Stream.of(owned).<ViewTables.Owner>map(tables -> () -> tables).toList(),
                    durability, recent);
        }
    }

    /** Two segments' committed positions (-1: nothing processed yet), both claimed by the owner now. */
    private void segmentsAt(String owner, long first, long second) {
        jdbc.update("delete from token_entry where processor_name = ?", VIEW);
        long[] positions = {first, second};
        for (int segment = 0; segment < 2; segment++) {
            byte[] token = positions[segment] < 0 ? null
                    : serializer.serialize(new GlobalSequenceTrackingToken(positions[segment]), byte[].class).getData();
            jdbc.update("insert into token_entry (processor_name, segment, owner, timestamp, token_type, token) "
                            + "values (?, ?, ?, ?, ?, ?)", VIEW, segment, owner, clock.instant().toString(),
                    token == null ? null : GlobalSequenceTrackingToken.class.getName(), token);
        }
    }

    @Test
    void theIntegrityChainIsNotAView() {
        assertThat(node.rebuilds.views()).containsExactly(VIEW);
        assertThatThrownBy(() -> node.rebuilds.rebuild(List.of(IntegrityChain.PROCESSING_GROUP), AUDITOR))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLiveViewReportsHowFarBehindItsSlowestSegmentIsFromTheSharedTokenStore() {
        segmentsAt("node-b", 990, 960);
        node.running.set(false);
        ViewStatus status = node.rebuilds.status(VIEW);
        assertThat(status.state()).as("another node processes it").isEqualTo(ViewStatus.State.LIVE);
        assertThat(status.position()).isEqualTo(960);
        assertThat(status.head()).isEqualTo(1000);
        assertThat(status.behind()).isEqualTo(40);
        assertThat(status.rebuild()).isNull();

        clock.advance(Duration.ofSeconds(11));
        assertThat(node.rebuilds.status(VIEW).state()).as("no node renewed its claims").isEqualTo(ViewStatus.State.STOPPED);
    }

    @Test
    void aRebuildRequestedOnANodeIsSeenByItsNextReadsAtOnce() {
        node.recent.read(VIEW, Optional.of("position before the rebuild"), 0);
        assertThat(node.recent.recent(VIEW)).contains("position before the rebuild");

        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);

        // Its eventual reads no longer reuse the position read before the request: they read it again, see the
        // rebuild under way and are refused, as ViewAnswersTest checks.
        assertThat(node.recent.recent(VIEW)).isEmpty();
    }

    @Test
    void aRebuildStopsResetsAndRestartsTheProcessorAndReportsItsProgress() {
        node.rebuilds.rebuild(List.of(), AUDITOR);
        assertThat(node.rebuilds.isRebuilding(VIEW)).isTrue();
        assertThat(node.rebuilds.status(VIEW).rebuild().percentDone()).isZero();

        node.rebuilds.coordinate();
        var order = inOrder(node.processor);
        order.verify(node.processor).shutDown();
        order.verify(node.processor).resetTokens();
        order.verify(node.processor).start();

        segmentsAt("node-a", 300, 250);
        clock.advance(Duration.ofSeconds(5));
        ViewStatus halfway = node.rebuilds.status(VIEW);
        assertThat(halfway.state()).isEqualTo(ViewStatus.State.REBUILDING);
        assertThat(halfway.rebuild().requestedBy()).isEqualTo("auditor-1");
        assertThat(halfway.rebuild().target()).isEqualTo(1000);
        assertThat(halfway.rebuild().processed()).isEqualTo(250);
        assertThat(halfway.rebuild().percentDone()).isEqualTo(25.0);
        assertThat(halfway.rebuild().eventsPerSecond()).isEqualTo(50.0);
        assertThat(halfway.rebuild().secondsLeft()).isEqualTo(15);
        assertThatThrownBy(() -> node.rebuilds.rebuild(List.of(VIEW), AUDITOR)).isInstanceOf(ConflictException.class);

        segmentsAt("node-a", 1000, 1000);
        ViewStatus done = node.rebuilds.status(VIEW);
        assertThat(done.state()).isEqualTo(ViewStatus.State.LIVE);
        assertThat(done.rebuild().percentDone()).isEqualTo(100.0);
        assertThat(done.rebuild().finishedAt()).isNotNull();
        assertThat(node.rebuilds.isRebuilding(VIEW)).isFalse();
        assertThat(jdbc.queryForObject("select state from view_rebuild where view_name = ?", String.class, VIEW))
                .isEqualTo("FINISHED");

        // Done, it may be rebuilt again: the next request gets the next number.
        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        assertThat(jdbc.queryForObject("select max(generation) from view_rebuild", Long.class)).isEqualTo(2);
    }

    @Test
    void aViewsReadAsksInItsOwnStatementWhatTheGuardAsksAndLeavesFinishingToIt() {
        String rebuilding = "select " + new RebuildingViews().rebuildingSql();
        Supplier<Long> asked = () -> jdbc.queryForObject(rebuilding, Long.class, VIEW);
        assertThat(asked.get()).as("never rebuilt").isZero();

        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        assertThat(asked.get()).as("requested").isPositive();
        assertThat(jdbc.queryForObject(rebuilding, Long.class, "another-view")).isZero();

        node.rebuilds.coordinate();
        segmentsAt("node-a", 300, 250);
        assertThat(asked.get()).as("replaying").isPositive();

        segmentsAt("node-a", 1000, 1000);
        assertThat(asked.get()).as("caught up, until the guard or the coordinator marks it finished").isPositive();
        assertThat(node.rebuilds.isRebuilding(VIEW)).isFalse();
        assertThat(asked.get()).as("finished").isZero();

        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        assertThat(asked.get()).as("the next rebuild, requested").isPositive();
    }

    @Test
    void viewsRebuiltTogetherAreResetSideBySideAndStartAgainOnlyOnceAllAreReset() {
        List<String> views = List.of(VIEW, "incident-summary");
        List<String> steps = Collections.synchronizedList(new ArrayList<>());
        // Each reset waits for the other: reset one after the other, neither would get past this.
        CyclicBarrier bothResetting = new CyclicBarrier(views.size());
        Map<String, EventProcessor> processors = new TreeMap<>();
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        for (String view : views) {
            StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
            AtomicBoolean running = new AtomicBoolean(true);
            when(processor.isRunning()).thenAnswer(invocation -> running.get());
            doAnswer(invocation -> {
                running.set(false);
                return steps.add("stop " + view);
            }).when(processor).shutDown();
            doAnswer(invocation -> {
                bothResetting.await(10, TimeUnit.SECONDS);
                return steps.add("reset " + view);
            }).when(processor).resetTokens();
            doAnswer(invocation -> {
                running.set(true);
                return steps.add("start " + view);
            }).when(processor).start();
            processors.put(view, processor);
            when(processing.eventProcessor(view, StreamingEventProcessor.class)).thenReturn(Optional.of(processor));
        }
        processors.put(IntegrityChain.PROCESSING_GROUP, mock(StreamingEventProcessor.class));
        when(processing.eventProcessors()).thenReturn(processors);
        ViewRebuilds rebuilds = new ViewRebuilds(processing, eventStore,
                new ProcessorPositions(jdbc, serializer, clock, Duration.ofSeconds(10)), jdbc, transactions, clock,
                Duration.ofSeconds(1), List.of(), durability, new RecentPositions(Duration.ZERO, System::nanoTime));

        rebuilds.rebuild(List.of(), AUDITOR);
        rebuilds.coordinate();

        assertThat(jdbc.queryForList("select state from view_rebuild", String.class)).containsOnly("REPLAYING");
        assertThat(steps).hasSize(3 * views.size());
        assertThat(steps.subList(0, 2 * views.size())).noneMatch(step -> step.startsWith("start"));
        assertThat(steps.subList(2 * views.size(), steps.size()))
                .containsExactlyInAnyOrder("start " + VIEW, "start incident-summary");
    }

    @Test
    void everyNodeStopsItsProcessorAndTheResetWaitsUntilNoNodeHoldsASegment() {
        Node other = new Node("node-b");
        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        assertThat(other.rebuilds.isRebuilding(VIEW)).as("the other node refuses to serve it at once").isTrue();

        // node-a still claims the segments: node-b stops its own processor, and its reset attempt waits.
        doThrow(new UnableToClaimTokenException("claimed by node-a")).when(other.processor).resetTokens();
        other.rebuilds.coordinate();
        verify(other.processor).shutDown();
        assertThat(other.running).isFalse();
        assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("REQUESTED");

        // node-a sees the request, releases its claims and resets; node-b resumes on its next round.
        node.rebuilds.coordinate();
        verify(node.processor).resetTokens();
        assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("REPLAYING");
        other.rebuilds.coordinate();
        verify(other.processor).start();
        assertThat(other.running).isTrue();
        assertThat(other.rebuilds.isRebuilding(VIEW)).isTrue();

        segmentsAt("node-b", 1000, 1000);
        assertThat(other.rebuilds.isRebuilding(VIEW)).isFalse();
        assertThat(node.rebuilds.isRebuilding(VIEW)).isFalse();
    }

    @Test
    void aResetThatFailsLeavesTheViewServingAsBeforeAndSaysSo() {
        doThrow(new IllegalStateException("disk full")).when(node.processor).resetTokens();
        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        node.rebuilds.coordinate();
        verify(node.processor).start();
        assertThat(node.running).isTrue();
        assertThat(node.rebuilds.isRebuilding(VIEW)).isFalse();
        assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("FAILED");
    }

    @Test
    void aRequestIsFlushedToDiskBeforeItIsAnswered() {
        doAnswer(invocation -> {
            assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("REQUESTED");
            return null;
        }).when(durability).afterWrite();
        node.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        verify(durability).afterWrite();
    }

    @Test
    void onH2TheTablesAreTruncatedBeforeTheReset() {
        Node owner = new Node("node-a", HISTORY);
        historyOfOneMergedIncident();
        owner.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        owner.rebuilds.coordinate();
        assertThat(owner.rowsAtReset).containsExactly(entry("case_history_entry", 0L),
                entry("case_history_merge", 0L));
        assertThat(rows("case_history_entry")).isZero();
        assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("REPLAYING");
        assertThat(owner.running).isTrue();
    }

    @Test
    void aResetThatFailsAfterTablesWereTruncatedKeepsTheViewUnavailableAndTriesAgain() {
        Node owner = new Node("node-a", HISTORY);
        historyOfOneMergedIncident();
        owner.resetFailure.set(new IllegalStateException("disk full"));
        owner.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        owner.rebuilds.coordinate();
        // Serving the view now would count none of its incidents.
        assertWaitsForItsReset(owner);
        assertThat(rows("case_history_merge")).isZero();
        assertThat(rows("case_history_entry")).isZero();

        resetAgain(owner);
        assertThat(rows("case_history_entry")).isZero();
    }

    @Test
    void aResetThatWaitsInVainForReadsOfItsTablesIsTriedAgainAndNeverMarkedFailed() {
        Node owner = new Node("node-a", HISTORY);
        historyOfOneMergedIncident();
        // What PostgreSQL's TRUNCATE gives up with when reads of the tables outlast the reset's lock timeout.
        owner.resetFailure.set(new CannotAcquireLockException("canceling statement due to lock timeout"));
        owner.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        owner.rebuilds.coordinate();
        assertWaitsForItsReset(owner);

        resetAgain(owner);
    }

    /** The request still waits for its reset, the node's processor stopped, the view refusing reads. */
    private void assertWaitsForItsReset(Node owner) {
        assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("REQUESTED");
        assertThat(owner.running).isFalse();
        assertThat(owner.rebuilds.isRebuilding(VIEW)).isTrue();
    }

    /** The reset, tried again on the next round, succeeds and the replay begins. */
    private void resetAgain(Node owner) {
        owner.resetFailure.set(null);
        owner.rebuilds.coordinate();
        assertThat(jdbc.queryForObject("select state from view_rebuild", String.class)).isEqualTo("REPLAYING");
        assertThat(owner.running).isTrue();
    }

    @Test
    void aRebuildThatFinishesHasItsTablesAnalyzedOnce() {
        ViewTables history = spy(HISTORY);
        Node owner = new Node("node-a", history);
        owner.rebuilds.rebuild(List.of(VIEW), AUDITOR);
        owner.rebuilds.coordinate();
        assertThat(owner.rebuilds.isRebuilding(VIEW)).isTrue();
        verify(history, never()).analyze(jdbc);

        segmentsAt("node-a", 1000, 1000);
        assertThat(owner.rebuilds.isRebuilding(VIEW)).isFalse();
        assertThat(owner.rebuilds.isRebuilding(VIEW)).isFalse();
        verify(history).analyze(jdbc);
    }

    private void historyOfOneMergedIncident() {
        UUID survivor = UUID.randomUUID();
        jdbc.update("insert into case_history_entry (incident_id, sequence_number, global_position, recorded_at, "
                + "event_type, author, organisation, summary) values (?, 0, 1, ?, 'IncidentReportedEvent', "
                + "'monitor-1', 'ngo', 'Incident reported')", survivor, Timestamp.from(clock.instant()));
        jdbc.update("insert into case_history_merge (survivor_id, duplicate_id) values (?, ?)", survivor,
                UUID.randomUUID());
    }

    private long rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void aNodeWithNothingRequestedLeavesItsProcessorAlone() {
        node.rebuilds.coordinate();
        verify(node.processor, never()).shutDown();
        assertThat(node.rebuilds.isRebuilding(VIEW)).isFalse();
    }

    @Test
    void anUnknownViewIsNotFound() {
        assertThatThrownBy(() -> node.rebuilds.status("no-such-view")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> node.rebuilds.rebuild(List.of("no-such-view"), AUDITOR))
                .isInstanceOf(NotFoundException.class);
    }
}
