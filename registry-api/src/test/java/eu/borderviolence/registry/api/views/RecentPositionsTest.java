package eu.borderviolence.registry.api.views;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view's position as last read is reused only within the reuse period, and never past a rebuild seen or requested.
 */
class RecentPositionsTest {

    private static final String VIEW = "incident-facts";
    private static final long MS = 1_000_000;

    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final RecentPositions recent = new RecentPositions(Duration.ofMillis(100), now::get);

    @Test
    void aReadingIsReusedWithinThePeriodCountedFromWhenItBegan() {
        long began = recent.now();
        now.addAndGet(30 * MS); // the statement took 30 ms
        recent.read(VIEW, Optional.of("p1"), began);
        assertThat(recent.recent(VIEW)).contains("p1");

        now.addAndGet(70 * MS);
        assertThat(recent.recent(VIEW)).contains("p1");
        now.addAndGet(1);
        assertThat(recent.recent(VIEW)).isEmpty();
        assertThat(recent.recent("case-history")).isEmpty();
    }

    @Test
    void aReadingThatShowsARebuildUnderWayLeavesNothingToReuse() {
        recent.read(VIEW, Optional.of("p1"), recent.now());
        now.addAndGet(10 * MS);
        recent.read(VIEW, Optional.empty(), recent.now());

        assertThat(recent.recent(VIEW)).isEmpty();
    }

    @Test
    void aReadingThatBeganBeforeARebuildWasRequestedNeverReplacesItsForgetting() {
        long slowReadingBegan = recent.now();
        now.addAndGet(5 * MS);
        recent.forget(VIEW);
        now.addAndGet(5 * MS);
        recent.read(VIEW, Optional.of("position before the rebuild"), slowReadingBegan);
        assertThat(recent.recent(VIEW)).isEmpty();

        long nextBegan = recent.now();
        recent.read(VIEW, Optional.of("p2"), nextBegan);
        assertThat(recent.recent(VIEW)).contains("p2");
    }

    @Test
    void anOlderReadingFinishingLastDoesNotReplaceANewerOne() {
        long older = recent.now();
        now.addAndGet(5 * MS);
        recent.read(VIEW, Optional.of("p2"), recent.now());
        recent.read(VIEW, Optional.of("p1"), older);

        assertThat(recent.recent(VIEW)).contains("p2");
    }

    @Test
    void withNoReusePeriodNothingIsReused() {
        RecentPositions never = new RecentPositions(Duration.ZERO, now::get);
        never.read(VIEW, Optional.of("p1"), never.now());

        assertThat(never.recent(VIEW)).isEmpty();
    }
}
