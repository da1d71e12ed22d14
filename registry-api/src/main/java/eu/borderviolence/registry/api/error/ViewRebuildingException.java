package eu.borderviolence.registry.api.error;

import java.util.Collection;
import java.util.Map;

/** A view asked for is being rebuilt and would answer half-built figures. Answered with 503 and Retry-After. */
public class ViewRebuildingException extends RuntimeException {

    private final Map<String, Double> percentDone;

    /** @param percentDone each rebuilding view with the percent of its replay done */
    public ViewRebuildingException(Map<String, Double> percentDone) {
        super(detail(percentDone.keySet()));
        this.percentDone = Map.copyOf(percentDone);
    }

    /** What a client is told of the views named: that they are being rebuilt, and where to follow it. */
    public static String detail(Collection<String> views) {
        return "Being rebuilt from the event store: " + String.join(", ", views)
                + ". Retry shortly; progress is at /api/v1/views/status.";
    }

    public Map<String, Double> percentDone() {
        return percentDone;
    }
}
