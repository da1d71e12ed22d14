package eu.borderviolence.registry.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: after {@code registry.security.max-failures} failed authentications from one client address
 * within {@code registry.security.failure-window}, further attempts from it are refused (429) until the oldest
 * failure leaves the window. Kept in memory, per node.
 */
@Component
public class AuthenticationFailures {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public AuthenticationFailures(@Value("${registry.security.max-failures:10}") int maxFailures,
                                  @Value("${registry.security.failure-window:PT5M}") Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** True when the client has failed too often lately to be allowed another attempt. */
    public boolean blocked(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= maxFailures;
        }
    }

    /** Seconds until the client may try again. */
    public long retryAfterSeconds(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return 0;
        }
        synchronized (recent) {
            Instant oldest = recent.peekFirst();
            return oldest == null ? 0
                    : Math.max(1, Duration.between(clock.instant(), oldest.plus(window)).toSeconds());
        }
    }

    public void failed(String client) {
        if (failures.size() > MAX_TRACKED_CLIENTS) {
            failures.clear(); // a flood of addresses: forget rather than run out of memory
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(window);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
