package eu.borderviolence.registry.api.config;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class MessageMetersTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final MessageMeters meters = MessageMeters.ofProcessor("incident-summary", registry);

    record IncidentReported(String id) {
    }

    record TestimonyRecorded(String id) {
    }

    @Test
    void countsAndTimesEachOutcomePerPayloadTypeAsAxonMicrometerNamesThem() {
        MonitorCallback handled = meters.onMessageIngested(event(new IncidentReported("a")));
        clock.add(Duration.ofMillis(30));
        handled.reportSuccess();
        MonitorCallback failed = meters.onMessageIngested(event(new IncidentReported("b")));
        clock.add(Duration.ofMillis(10));
        failed.reportFailure(new IllegalStateException("refused"));
        meters.onMessageIngested(event(new TestimonyRecorded("c"))).reportIgnored();

        assertThat(count("eventProcessor.ingestedCounter", "IncidentReported")).isEqualTo(2);
        assertThat(count("eventProcessor.processedCounter", "IncidentReported")).isEqualTo(2);
        assertThat(count("eventProcessor.successCounter", "IncidentReported")).isEqualTo(1);
        assertThat(count("eventProcessor.failureCounter", "IncidentReported")).isEqualTo(1);
        assertThat(count("eventProcessor.ignoredCounter", "IncidentReported")).isZero();
        assertThat(count("eventProcessor.ignoredCounter", "TestimonyRecorded")).isEqualTo(1);
        assertThat(count("eventProcessor.processedCounter", "TestimonyRecorded")).isZero();
        assertThat(timer("eventProcessor.allTimer", "IncidentReported").count()).isEqualTo(2);
        assertThat(timer("eventProcessor.allTimer", "IncidentReported").totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(40);
        assertThat(timer("eventProcessor.successTimer", "IncidentReported").totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30);
        assertThat(timer("eventProcessor.failureTimer", "IncidentReported").totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(10);
        assertThat(timer("eventProcessor.ignoredTimer", "TestimonyRecorded").count()).isEqualTo(1);
    }

    @Test
    void keepsOneSetOfMetersPerPayloadType() {
        meters.onMessageIngested(event(new IncidentReported("a"))).reportSuccess();
        int made = registry.getMeters().size();

        for (int event = 0; event < 100; event++) {
            meters.onMessageIngested(event(new IncidentReported("e" + event))).reportSuccess();
        }

        assertThat(registry.getMeters()).hasSize(made);
        assertThat(count("eventProcessor.successCounter", "IncidentReported")).isEqualTo(101);
    }

    @Test
    void capacityIsTheShareOfTheLastTenMinutesSpentProcessing() {
        MonitorCallback handled = meters.onMessageIngested(event(new IncidentReported("a")));
        clock.add(Duration.ofMinutes(1));
        handled.reportSuccess();

        assertThat(capacity()).isCloseTo(0.1, offset(1e-9));

        clock.add(Duration.ofMinutes(10));
        assertThat(capacity()).isZero();
    }

    @Test
    void latencyIsTheAgeOfTheLastEventWhenItCame() {
        clock.add(Duration.ofHours(1));
        Instant now = Instant.ofEpochMilli(clock.wallTime());

        meters.onMessageIngested(event(new IncidentReported("a"), now.minusSeconds(60))).reportSuccess();
        meters.onMessageIngested(event(new IncidentReported("b"), now.minusMillis(2_500))).reportSuccess();

        assertThat(registry.get("eventProcessor.latency").tag("processorName", "incident-summary").gauge().value())
                .isEqualTo(2_500);
    }

    @Test
    void aBusesMetersAreNamedAfterItAndTaggedWithThePayloadTypeOnly() {
        MessageMeters bus = MessageMeters.ofBus("commandBus", registry);
        record SubmitTestimony(String id) {
        }

        bus.onMessageIngested(new GenericCommandMessage<>(new SubmitTestimony("a"))).reportSuccess();

        assertThat(registry.get("commandBus.successCounter").tags("payloadType", "SubmitTestimony").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("commandBus.successCounter").counter().getId().getTags()).hasSize(1);
        assertThat(registry.get("commandBus.capacity").tags("payloadType", "SubmitTestimony").gauge()).isNotNull();
        assertThat(registry.find("commandBus.latency").gauge()).isNull();
    }

    @Test
    void aBusesTimersPublishPercentilesAndAProcessorsKeepCountTotalAndMaximumOnly() {
        MessageMeters bus = MessageMeters.ofBus("queryBus", registry);
        record FindBorders(String filter) {
        }
        MonitorCallback asked = bus.onMessageIngested(new GenericCommandMessage<>(new FindBorders("HU-RS")));
        clock.add(Duration.ofMillis(12));
        asked.reportSuccess();
        MonitorCallback applied = meters.onMessageIngested(event(new IncidentReported("a")));
        clock.add(Duration.ofMillis(12));
        applied.reportSuccess();

        Timer query = registry.get("queryBus.successTimer").tags("payloadType", "FindBorders").timer();
        assertThat(query.takeSnapshot().percentileValues()).extracting(p -> p.percentile())
                .containsExactly(0.5, 0.75, 0.95, 0.98, 0.99, 0.999);
        Timer event = timer("eventProcessor.successTimer", "IncidentReported");
        assertThat(event.takeSnapshot().percentileValues()).isEmpty();
        assertThat(event.count()).isEqualTo(1);
        assertThat(event.max(TimeUnit.MILLISECONDS)).isEqualTo(12);
    }

    private GenericEventMessage<Object> event(Object payload) {
        return event(payload, Instant.ofEpochMilli(clock.wallTime()));
    }

    private static GenericEventMessage<Object> event(Object payload, Instant at) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(), at);
    }

    private double count(String name, String payloadType) {
        return registry.get(name).tags("payloadType", payloadType, "processorName", "incident-summary").counter()
                .count();
    }

    private Timer timer(String name, String payloadType) {
        return registry.get(name).tags("payloadType", payloadType, "processorName", "incident-summary").timer();
    }

    private double capacity() {
        return registry.get("eventProcessor.capacity").tags("payloadType", "IncidentReported",
                "processorName", "incident-summary").gauge().value();
    }
}
