package eu.borderviolence.registry.api.views;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Micrometer gauges per view, tagged {@code view}: {@code registry.view.lag} (events behind the head of the stream),
 * {@code registry.view.rebuilding} (1 while rebuilding), {@code registry.view.rebuild.progress} (0 to 1) and
 * {@code registry.view.rebuild.remaining} (estimated seconds). One scrape reads the views' state once: the status is
 * cached for a second, so a scrape costs one head query, not one per gauge.
 */
@Component
public class ViewMetrics {

    private static final long CACHE_NANOS = 1_000_000_000L;

    private final ViewRebuilds rebuilds;
    private final MeterRegistry meters;
    private Map<String, ViewStatus> cached = Map.of();
    private long cachedAt;

    public ViewMetrics(ViewRebuilds rebuilds, MeterRegistry meters) {
        this.rebuilds = rebuilds;
        this.meters = meters;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (String view : rebuilds.views()) {
            gauge("registry.view.lag", "Events stored that the view has not processed yet.", view,
                    status -> status.behind());
            gauge("registry.view.rebuilding", "1 while the view is being rebuilt, else 0.", view,
                    status -> status.state() == ViewStatus.State.REBUILDING ? 1 : 0);
            gauge("registry.view.rebuild.progress", "Share of the current rebuild's replay done, 0 to 1.", view,
                    status -> status.state() != ViewStatus.State.REBUILDING || status.rebuild() == null ? 0
                            : status.rebuild().percentDone() / 100.0);
            gauge("registry.view.rebuild.remaining", "Estimated seconds left in the current rebuild.", view,
                    status -> status.state() != ViewStatus.State.REBUILDING || status.rebuild() == null
                            || status.rebuild().secondsLeft() == null ? 0 : status.rebuild().secondsLeft());
        }
    }

    private void gauge(String name, String description, String view, ToDoubleFunction<ViewStatus> value) {
        Gauge.builder(name, this, metrics -> {
                    ViewStatus status = metrics.current().get(view);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .description(description).tag("view", view).register(meters);
    }

    private synchronized Map<String, ViewStatus> current() {
        long now = System.nanoTime();
        if (cached.isEmpty() || now - cachedAt > CACHE_NANOS) {
            cached = rebuilds.statuses().stream().collect(Collectors.toMap(ViewStatus::view, status -> status));
            cachedAt = now;
        }
        return cached;
    }
}
