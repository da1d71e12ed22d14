package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.error.ConflictException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.integrity.IntegrityChain;
import eu.borderviolence.registry.core.api.Actor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The rebuild bookkeeping and progress arithmetic, with the processors and the event store stubbed. */
class ViewRebuildsTest {

    private static final Actor AUDITOR = new Actor("auditor-1", "audit-office");

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final EventStore eventStore = mock(EventStore.class);
    private final StreamingEventProcessor borders = mock(StreamingEventProcessor.class);
    private final StreamingEventProcessor chain = mock(StreamingEventProcessor.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private ViewRebuilds rebuilds;

    @BeforeEach
    void twoProcessors() {
        Map<String, EventProcessor> processors = Map.of("border-figures", borders,
                IntegrityChain.PROCESSING_GROUP, chain);
        when(processing.eventProcessors()).thenReturn(processors);
        when(processing.eventProcessor("border-figures", StreamingEventProcessor.class))
                .thenReturn(Optional.of(borders));
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(1000));
        when(borders.isRunning()).thenReturn(true);
        segmentsAt(1000, 1000);
        rebuilds = new ViewRebuilds(processing, eventStore, clock);
    }

    private void segmentsAt(long first, long second) {
        Map<Integer, EventTrackerStatus> segments = Map.of(0, segment(first), 1, segment(second));
        when(borders.processingStatus()).thenReturn(segments);
    }

    private static EventTrackerStatus segment(long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }

    @Test
    void theIntegrityChainIsNotAView() {
        assertThat(rebuilds.views()).containsExactly("border-figures");
        assertThatThrownBy(() -> rebuilds.rebuild(List.of(IntegrityChain.PROCESSING_GROUP), AUDITOR))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aLiveViewReportsHowFarBehindItsSlowestSegmentIs() {
        segmentsAt(990, 960);
        ViewStatus status = rebuilds.status("border-figures");
        assertThat(status.state()).isEqualTo(ViewStatus.State.LIVE);
        assertThat(status.position()).isEqualTo(960);
        assertThat(status.head()).isEqualTo(1000);
        assertThat(status.behind()).isEqualTo(40);
        assertThat(status.rebuild()).isNull();
    }

    @Test
    void aRebuildStopsResetsAndRestartsTheProcessorAndReportsItsProgress() {
        // A stopped processor has no segments; started again, it claims them as they replay.
        when(borders.processingStatus()).thenReturn(Map.of());
        rebuilds.rebuild(List.of(), AUDITOR);
        verify(borders, timeout(2000)).start();
        var order = inOrder(borders);
        order.verify(borders).shutDown();
        order.verify(borders).resetTokens();
        order.verify(borders).start();

        when(borders.isReplaying()).thenReturn(true);
        segmentsAt(300, 250);
        awaitReplayStarted();
        clock.advance(Duration.ofSeconds(5));
        ViewStatus halfway = rebuilds.status("border-figures");
        assertThat(halfway.state()).isEqualTo(ViewStatus.State.REBUILDING);
        assertThat(halfway.rebuild().requestedBy()).isEqualTo("auditor-1");
        assertThat(halfway.rebuild().target()).isEqualTo(1000);
        assertThat(halfway.rebuild().processed()).isEqualTo(250);
        assertThat(halfway.rebuild().percentDone()).isEqualTo(25.0);
        assertThat(halfway.rebuild().eventsPerSecond()).isEqualTo(50.0);
        assertThat(halfway.rebuild().secondsLeft()).isEqualTo(15);
        assertThatThrownBy(() -> rebuilds.rebuild(List.of("border-figures"), AUDITOR))
                .isInstanceOf(ConflictException.class);

        when(borders.isReplaying()).thenReturn(false);
        segmentsAt(1000, 1000);
        ViewStatus done = rebuilds.status("border-figures");
        assertThat(done.state()).isEqualTo(ViewStatus.State.LIVE);
        assertThat(done.rebuild().percentDone()).isEqualTo(100.0);
        assertThat(done.rebuild().finishedAt()).isNotNull();
        assertThat(rebuilds.isRebuilding("border-figures")).isFalse();
    }

    @Test
    void aViewIsRebuildingUntilItsSegmentsAreClaimedAgain() {
        when(borders.processingStatus()).thenReturn(Map.of());
        rebuilds.rebuild(List.of("border-figures"), AUDITOR);
        verify(borders, timeout(2000)).start();
        assertThat(rebuilds.isRebuilding("border-figures")).isTrue();
        segmentsAt(1000, 1000);
        // The restart thread marks the replay started just after start() returns.
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (rebuilds.isRebuilding("border-figures") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(rebuilds.isRebuilding("border-figures")).isFalse();
    }

    @Test
    void anUnknownViewIsNotFound() {
        assertThatThrownBy(() -> rebuilds.status("no-such-view")).isInstanceOf(NotFoundException.class);
    }

    /** Waits until the restart thread has marked the replay started, which it does just after start() returns. */
    private void awaitReplayStarted() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (rebuilds.status("border-figures").rebuild().eventsPerSecond() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
