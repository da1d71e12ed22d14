package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.error.ConflictException;
import eu.borderviolence.registry.api.error.NotFoundException;
import eu.borderviolence.registry.api.integrity.IntegrityChain;
import eu.borderviolence.registry.core.api.Actor;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds views from the event store and tells where each view stands.
 *
 * <p>A view is any streaming event processor except the integrity chain, which must never be rebuilt. A rebuild
 * stops the view's processor, resets its tokens to the start of the stream (its {@code @ResetHandler} empties its
 * tables) and starts it again; the processor then replays every event. The stop and the reset run on a background
 * thread, so the request that asks for a rebuild returns at once. From the request until the replay has reached the
 * head position taken when it began, the view counts as rebuilding, and {@link ViewGuard} answers 503 instead of
 * serving half-built figures.
 *
 * <p>Progress is read from the processor: the position of its slowest segment against that target. Positions are
 * the event store's global index, which has a hole wherever a transaction rolled back, so "events processed" can be
 * a little higher than the events really replayed.
 */
@Component
public class ViewRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Clock clock;
    private final Map<String, RebuildRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService restarts = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    public ViewRebuilds(EventProcessingConfiguration processing, EventStore eventStore, Clock clock) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** The names of the views, sorted. */
    public List<String> views() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .filter(name -> !name.equals(IntegrityChain.PROCESSING_GROUP))
                .sorted().toList();
    }

    /** Starts rebuilding the views named, or every view when none is named; refuses if one already rebuilds. */
    public synchronized List<ViewStatus> rebuild(List<String> names, Actor requestedBy) {
        List<String> chosen = names == null || names.isEmpty() ? views() : names.stream().distinct().toList();
        chosen.forEach(this::processor);
        for (String view : chosen) {
            if (isRebuilding(view)) {
                throw new ConflictException("view-rebuilding", "The view " + view
                        + " is already being rebuilt; follow its progress at /api/v1/views/status/" + view + ".");
            }
        }
        Instant now = clock.instant();
        for (String view : chosen) {
            RebuildRun run = new RebuildRun(requestedBy.principal(), now);
            runs.put(view, run);
            log.info("Rebuild of view {} requested by {} of {}", view, requestedBy.principal(),
                    requestedBy.organisation());
            restarts.submit(() -> restart(view, run));
        }
        long head = headPosition();
        return chosen.stream().map(view -> status(view, head)).toList();
    }

    private void restart(String view, RebuildRun run) {
        StreamingEventProcessor processor = processor(view);
        try {
            processor.shutDown();
            run.target = headPosition();
            processor.resetTokens();
            run.replayStartedAt = clock.instant();
            processor.start();
            run.started = true;
            log.info("Rebuild of view {} replaying up to position {}", view, run.target);
        } catch (RuntimeException e) {
            run.failed = true;
            log.error("Rebuild of view {} could not start: {}", view, e.getClass().getName());
            if (!processor.isRunning()) {
                processor.start();
            }
        }
    }

    /** True from the request until the replay has reached the head position it began at. */
    public boolean isRebuilding(String view) {
        RebuildRun run = runs.get(view);
        if (run == null || run.failed || run.finishedAt != null) {
            return false;
        }
        if (!run.started) {
            return true;
        }
        StreamingEventProcessor processor = processor(view);
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty() || processor.isReplaying() || position(segments) < run.target) {
            return true;
        }
        run.finishedAt = clock.instant();
        log.info("Rebuild of view {} finished", view);
        return false;
    }

    public List<ViewStatus> statuses() {
        long head = headPosition();
        return views().stream().map(view -> status(view, head)).toList();
    }

    public ViewStatus status(String view) {
        return status(view, headPosition());
    }

    private ViewStatus status(String view, long head) {
        StreamingEventProcessor processor = processor(view);
        boolean rebuilding = isRebuilding(view);
        long position = position(processor.processingStatus());
        ViewStatus.State state = rebuilding ? ViewStatus.State.REBUILDING
                : processor.isRunning() ? ViewStatus.State.LIVE : ViewStatus.State.STOPPED;
        RebuildRun run = runs.get(view);
        return new ViewStatus(view, state, position, head, Math.max(0, head - position),
                run == null ? null : run.describe(position, clock.instant()));
    }

    private StreamingEventProcessor processor(String view) {
        if (!views().contains(view)) {
            throw new NotFoundException("view", view);
        }
        return processing.eventProcessor(view, StreamingEventProcessor.class)
                .orElseThrow(() -> new NotFoundException("view", view));
    }

    /** The slowest segment's position; 0 before any segment has a token. */
    private static long position(Map<Integer, EventTrackerStatus> segments) {
        return segments.values().stream()
                .map(segment -> segment.getCurrentPosition())
                .mapToLong(current -> current.orElse(0))
                .min().orElse(0);
    }

    long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return 0;
        }
        OptionalLong position = head.position();
        return position.orElse(0);
    }

    /** One rebuild's bookkeeping; written by the restart thread, read by requests. */
    private static final class RebuildRun {
        private final String requestedBy;
        private final Instant requestedAt;
        private volatile long target;
        private volatile Instant replayStartedAt;
        private volatile boolean started;
        private volatile boolean failed;
        private volatile Instant finishedAt;

        RebuildRun(String requestedBy, Instant requestedAt) {
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
        }

        ViewStatus.Rebuild describe(long position, Instant now) {
            long processed = started ? Math.min(position, target) : 0;
            double percent = target <= 0 ? (started ? 100 : 0) : Math.min(100.0, processed * 100.0 / target);
            Instant until = finishedAt == null ? now : finishedAt;
            double seconds = replayStartedAt == null ? 0
                    : Math.max(0.001, Duration.between(replayStartedAt, until).toMillis() / 1000.0);
            double rate = seconds == 0 ? 0 : processed / seconds;
            Long left = finishedAt != null ? Long.valueOf(0)
                    : rate <= 0 ? null : Long.valueOf(Math.round((target - processed) / rate));
            return new ViewStatus.Rebuild(requestedBy, requestedAt, target, processed,
                    Math.round(percent * 10) / 10.0, Math.round(rate * 10) / 10.0, left, finishedAt);
        }
    }
}
