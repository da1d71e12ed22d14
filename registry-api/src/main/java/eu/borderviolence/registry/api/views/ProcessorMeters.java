package eu.borderviolence.registry.api.views;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event processor's metrics: the meters axon-micrometer's dimensional monitors publish, under the same names and
 * tags ({@code eventProcessor.*}, tagged {@code processorName} and, all but the latency, {@code payloadType}), made
 * once per payload type instead of looked up for every event.
 *
 * <p>axon-micrometer's monitors look eleven meters up in the registry for every event a processor sees, handled or
 * passed over, and its capacity gauge keeps every event's processing time for ten minutes, one map entry each. After
 * a catch-up and a rebuild of a million events those entries held 461 MB of a 512 MB heap and the JVM collected
 * without end; the lookups and entries took 13-15% of the processors' samples (docs/benchmarks.md). Here each
 * payload type's meters are made on its first event, and the capacity adds the processing times of each ten seconds
 * together: the same ten-minute window in sixty sums, whatever the rate of events.
 *
 * <ul>
 *   <li>{@code eventProcessor.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 *   {@code .processedCounter} (success or failure), {@code .ignoredCounter} (no handler took the event);</li>
 *   <li>{@code eventProcessor.allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer}: the time
 *   from an event's arrival at the processor to its outcome, with percentiles over ten minutes;</li>
 *   <li>{@code eventProcessor.capacity}: the share of the last ten minutes spent processing events of the type (1 is
 *   one thread busy all the time);</li>
 *   <li>{@code eventProcessor.latency}: how old, in milliseconds, the last event the processor saw was when it came.</li>
 * </ul>
 */
public final class ProcessorMeters implements MessageMonitor<Message<?>> {

    static final String PREFIX = "eventProcessor";
    static final String PROCESSOR_NAME = "processorName";
    static final String PAYLOAD_TYPE = "payloadType";
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int SLICES = 60;

    private final String processor;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    private final AtomicLong latency = new AtomicLong();

    public ProcessorMeters(String processor, MeterRegistry registry) {
        this.processor = processor;
        this.registry = registry;
        this.clock = registry.config().clock();
        Gauge.builder(PREFIX + ".latency", latency, AtomicLong::get).tags(PROCESSOR_NAME, processor)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        if (message instanceof EventMessage<?> event) {
            latency.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        }
        meters.ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long took = took(meters, start);
                meters.processed.increment();
                meters.success.increment();
                meters.successTime.record(took, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                long took = took(meters, start);
                meters.processed.increment();
                meters.failure.increment();
                meters.failureTime.record(took, TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                long took = took(meters, start);
                meters.ignored.increment();
                meters.ignoredTime.record(took, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Meters meters(Class<?> payloadType) {
        Tags tags = Tags.of(PAYLOAD_TYPE, payloadType.getSimpleName(), PROCESSOR_NAME, processor);
        BusyTime busy = new BusyTime(WINDOW, SLICES);
        Gauge.builder(PREFIX + ".capacity", busy, ignored -> busy.share(clock.monotonicTime())).tags(tags)
                .register(registry);
        return new Meters(counter(".ingestedCounter", tags), counter(".successCounter", tags),
                counter(".failureCounter", tags), counter(".processedCounter", tags), counter(".ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags), busy);
    }

    private Counter counter(String suffix, Tags tags) {
        return registry.counter(PREFIX + suffix, tags);
    }

    /** As axon-micrometer's timers: percentiles over the last ten minutes. */
    private Timer timer(String name, Tags tags) {
        return Timer.builder(PREFIX + "." + name).distributionStatisticExpiry(WINDOW)
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).tags(tags).register(registry);
    }

    /** The nanoseconds since {@code start}, recorded in the type's total timer and capacity. */
    private long took(Meters meters, long start) {
        long now = clock.monotonicTime();
        long took = now - start;
        meters.allTime.record(took, TimeUnit.NANOSECONDS);
        meters.busy.add(took, now);
        return took;
    }

    /** One payload type's meters. */
    private record Meters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored,
                          Timer allTime, Timer successTime, Timer failureTime, Timer ignoredTime, BusyTime busy) {
    }
}
