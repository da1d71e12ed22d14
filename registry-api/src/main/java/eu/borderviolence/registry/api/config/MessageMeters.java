package eu.borderviolence.registry.api.config;

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
 * The metrics of a component that handles messages, an event processor or the command or query bus: the meters
 * axon-micrometer's dimensional monitors publish for it, under the same names and tags, made once per payload type
 * instead of looked up for every message.
 *
 * <p>axon-micrometer's monitors look their meters up in the registry for every message (eleven per event for a
 * processor, which sees every event, handled or passed over), and its capacity gauge keeps every message's handling
 * time for ten minutes, one map entry each. After a catch-up and a rebuild of a million events those entries held
 * 461 MB of a 512 MB heap and the JVM collected without end; the lookups and entries took 13-15% of the processors'
 * samples (docs/benchmarks.md). Under a steady load of queries or commands the buses' entries grow alike: ten minutes
 * of a thousand queries a second are 600,000. Here each payload type's meters are made on its first message, and the
 * capacity adds the handling times of each ten seconds together: the same ten-minute window in sixty sums, whatever
 * the rate.
 *
 * <ul>
 *   <li>{@code <prefix>.ingestedCounter}, {@code .successCounter}, {@code .failureCounter},
 *   {@code .processedCounter} (success or failure), {@code .ignoredCounter} (no handler took the message);</li>
 *   <li>{@code <prefix>.allTimer}, {@code .successTimer}, {@code .failureTimer}, {@code .ignoredTimer}: the time from
 *   a message's arrival to its outcome: count, total and maximum, and for a bus also percentiles over ten minutes. A
 *   processor's timers keep none: they time every event of every view, a rebuild's events one after another within
 *   a batch, and the percentiles' histograms cost a rebuild 3-4% of its processors' samples (docs/benchmarks.md);
 *   how long a view's batches take is Axon's unit-of-work timeout's and the capacity's concern;</li>
 *   <li>{@code <prefix>.capacity}: the share of the last ten minutes spent handling messages of the type (1 is one
 *   thread busy all the time);</li>
 *   <li>for a processor only, {@code eventProcessor.latency}: how old, in milliseconds, the last event it saw was
 *   when it came.</li>
 * </ul>
 *
 * The prefix of a processor's meters is {@code eventProcessor}, tagged {@code processorName} and {@code payloadType};
 * a bus's is its name ({@code commandBus}, {@code queryBus}), tagged {@code payloadType}.
 */
public final class MessageMeters implements MessageMonitor<Message<?>> {

    static final String PROCESSOR_PREFIX = "eventProcessor";
    static final String PROCESSOR_NAME = "processorName";
    static final String PAYLOAD_TYPE = "payloadType";
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int SLICES = 60;

    private final String prefix;
    private final Tags componentTags;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();
    /** The age of the last event seen, for a processor; null for a bus. */
    private final AtomicLong latency;

    private MessageMeters(String prefix, Tags componentTags, boolean processor, MeterRegistry registry) {
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.registry = registry;
        this.clock = registry.config().clock();
        this.latency = processor ? new AtomicLong() : null;
        if (processor) {
            Gauge.builder(prefix + ".latency", this.latency, AtomicLong::get).tags(componentTags).register(registry);
        }
    }

    /** An event processor's meters: {@code eventProcessor.*}, tagged with its name. */
    public static MessageMeters ofProcessor(String processor, MeterRegistry registry) {
        return new MessageMeters(PROCESSOR_PREFIX, Tags.of(PROCESSOR_NAME, processor), true, registry);
    }

    /** A command or query bus's meters, named after it ({@code commandBus.*}). */
    public static MessageMeters ofBus(String bus, MeterRegistry registry) {
        return new MessageMeters(bus, Tags.empty(), false, registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::meters);
        if (processor() && message instanceof EventMessage<?> event) {
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
        Tags tags = componentTags.and(PAYLOAD_TYPE, payloadType.getSimpleName());
        BusyTime busy = new BusyTime(WINDOW, SLICES);
        Gauge.builder(prefix + ".capacity", busy, ignored -> busy.share(clock.monotonicTime())).tags(tags)
                .register(registry);
        return new Meters(counter(".ingestedCounter", tags), counter(".successCounter", tags),
                counter(".failureCounter", tags), counter(".processedCounter", tags), counter(".ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags), busy);
    }

    private Counter counter(String suffix, Tags tags) {
        return registry.counter(prefix + suffix, tags);
    }

    /** Whether these are a processor's meters (a bus has no latency). */
    private boolean processor() {
        return latency != null;
    }

    /** As axon-micrometer's timers: percentiles over the last ten minutes, for a bus. */
    private Timer timer(String name, Tags tags) {
        Timer.Builder timer = Timer.builder(prefix + "." + name).distributionStatisticExpiry(WINDOW).tags(tags);
        if (!processor()) {
            timer.publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
        }
        return timer.register(registry);
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
