package eu.borderviolence.registry.api.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BusyTimeTest {

    private static final long SECOND = 1_000_000_000L;

    /** A minute in six slices of ten seconds. */
    private final BusyTime busy = new BusyTime(Duration.ofMinutes(1), 6);

    @Test
    void theShareIsTheWorkWithinTheWindowOverTheWindow() {
        busy.add(3 * SECOND, 5 * SECOND);
        busy.add(3 * SECOND, 25 * SECOND);

        assertThat(busy.share(30 * SECOND)).isEqualTo(0.1);
    }

    @Test
    void workOlderThanTheWindowNoLongerCounts() {
        busy.add(6 * SECOND, 5 * SECOND);
        busy.add(12 * SECOND, 55 * SECOND);

        assertThat(busy.share(59 * SECOND)).isEqualTo(0.3);
        assertThat(busy.share(61 * SECOND)).isEqualTo(0.2);
        assertThat(busy.share(121 * SECOND)).isZero();
    }

    @Test
    void aSliceReusedAfterTheWindowStartsFromNothing() {
        busy.add(6 * SECOND, 5 * SECOND);
        busy.add(3 * SECOND, 65 * SECOND); // the same slice of the ring, one window later

        assertThat(busy.share(65 * SECOND)).isEqualTo(0.05);
    }
}
