package eu.borderviolence.registry.api.config;

import org.axonframework.common.AxonThreadFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The thread of a pooled processor's coordinator (the part that reads events and hands them to the processor's work
 * packages), with one of Axon's waits shortened.
 *
 * <p>Once a work package holds 1,024 events not yet applied, Axon's coordinator stops reading and looks again
 * {@value #FULL_BUFFER_WAIT_MILLIS} ms later, a fixed wait (Axon 4.12, {@code Coordinator.CoordinationTask}); no
 * work package wakes it sooner. A view that applies 1,024 events in less than that then sits idle for the rest of
 * it, which capped each view at 11,500–14,300 events/s in a rebuild or a catch-up however fast it was
 * (docs/benchmarks.md). This executor schedules the coordinator's runs as Axon asks, except that wait, which it
 * shortens to {@code registry.views.full-buffer-wait}. Every other delay (claims, retries after errors, waits for
 * new events) passes unchanged, unless it is exactly as long: a {@code registry.views.claim-extension} of 100 ms would
 * make an idle coordinator look for new events at the shortened interval too. {@code PromptCoordinatorExecutorTest}
 * checks that Axon still asks for this wait.
 */
final class PromptCoordinatorExecutor extends ScheduledThreadPoolExecutor {

    /** The wait Axon's coordinator asks for after it found a work package's buffer full. */
    static final long FULL_BUFFER_WAIT_MILLIS = 100;

    private final long fullBufferWaitNanos;

    PromptCoordinatorExecutor(String processorName, Duration fullBufferWait) {
        super(1, new AxonThreadFactory("Coordinator[" + processorName + "]"));
        this.fullBufferWaitNanos = fullBufferWait.toNanos();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (unit.toNanos(delay) == TimeUnit.MILLISECONDS.toNanos(FULL_BUFFER_WAIT_MILLIS)) {
            return super.schedule(command, fullBufferWaitNanos, TimeUnit.NANOSECONDS);
        }
        return super.schedule(command, delay, unit);
    }
}
