package eu.borderviolence.registry.api.config;

import java.time.Duration;
import java.util.Arrays;

/**
 * Time spent working within a sliding window, kept as one sum per slice of the window: memory stays the same however
 * many measurements come. A measurement counts in the slice in which it ends; {@link #share} is the busy time of the
 * slices within the window (the current one and those before it) divided by the window.
 */
final class BusyTime {

    private final long sliceNanos;
    private final long windowNanos;
    private final long[] slice;
    private final long[] busyNanos;

    BusyTime(Duration window, int slices) {
        this.windowNanos = window.toNanos();
        this.sliceNanos = windowNanos / slices;
        this.slice = new long[slices];
        this.busyNanos = new long[slices];
        Arrays.fill(slice, Long.MIN_VALUE);
    }

    /** Adds {@code nanos} of work that ended at {@code now} (a monotonic time in nanoseconds). */
    synchronized void add(long nanos, long now) {
        long current = Math.floorDiv(now, sliceNanos);
        int index = (int) Math.floorMod(current, (long) slice.length);
        if (slice[index] != current) {
            slice[index] = current;
            busyNanos[index] = 0;
        }
        busyNanos[index] += nanos;
    }

    /** The share of the window up to {@code now} spent working: 1 is one thread busy the whole window. */
    synchronized double share(long now) {
        long current = Math.floorDiv(now, sliceNanos);
        long busy = 0;
        for (int index = 0; index < slice.length; index++) {
            if (slice[index] > current - slice.length && slice[index] <= current) {
                busy += busyNanos[index];
            }
        }
        return (double) busy / windowNanos;
    }
}
