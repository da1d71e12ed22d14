package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.config.RegistryApiProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The position at which this node last read each view serving, for the eventual reads that follow within
 * {@code registry.api.view-position-reuse} (100 ms): they may take an answer kept for that position instead of reading
 * the position again ({@link ViewAnswers}). A node under load thus reads a view's position about ten times a second
 * rather than once per request; on PostgreSQL that statement was most of a kept answer's database work
 * (docs/benchmarks.md). Such a read sees the views as they were at most that long ago, which is what an eventual read
 * promises (a strong read always reads the position). A position is never reused to compute an answer: a question not
 * kept for it reads the position again.
 *
 * <p>A rebuild requested on this node is seen at once ({@link #forget}); one requested on another node within the
 * reuse period, during which a read may still be answered as the view was before the request. A reading that shows a
 * rebuild under way is not kept, and a reading that began before a rebuild was requested never replaces its
 * {@link #forget}.
 */
@Component
public class RecentPositions {

    /** A view's position as read, or none (forgotten or rebuilding), and when the reading began. */
    private record Reading(String position, long at) {
    }

    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final long reuseNanos;
    private final LongSupplier nanoTime;

    @Autowired
    public RecentPositions(RegistryApiProperties properties) {
        this(properties.viewPositionReuse(), System::nanoTime);
    }

    RecentPositions(Duration reuse, LongSupplier nanoTime) {
        this.reuseNanos = reuse.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Now, for {@link #read}: taken before the position is read, so that the reuse period counts from before it. */
    long now() {
        return nanoTime.getAsLong();
    }

    /** The view's position, serving, as read within the reuse period; empty if none was, or it is 0. */
    Optional<String> recent(String view) {
        if (reuseNanos == 0) {
            return Optional.empty();
        }
        Reading reading = readings.get(view);
        if (reading == null || reading.position() == null || nanoTime.getAsLong() - reading.at() > reuseNanos) {
            return Optional.empty();
        }
        return Optional.of(reading.position());
    }

    /**
     * The view's position as read by a reading that began at {@code startedAt}, or empty if the view is being rebuilt;
     * a later reading or a later {@link #forget} stays.
     */
    void read(String view, Optional<String> serving, long startedAt) {
        if (reuseNanos == 0) {
            return;
        }
        readings.merge(view, new Reading(serving.orElse(null), startedAt),
                (kept, latest) -> latest.at() - kept.at() >= 0 ? latest : kept);
    }

    /** The view is no longer read at the position read last: a rebuild of it has been requested here. */
    public void forget(String view) {
        readings.put(view, new Reading(null, nanoTime.getAsLong()));
    }
}
