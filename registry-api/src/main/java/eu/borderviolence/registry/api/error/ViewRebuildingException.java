package eu.borderviolence.registry.api.error;

import java.util.Map;

/** A view asked for is being rebuilt and would answer half-built figures. Answered with 503 and Retry-After. */
public class ViewRebuildingException extends RuntimeException {

    private final Map<String, Double> percentDone;

    /** @param percentDone each rebuilding view with the percent of its replay done */
    public ViewRebuildingException(Map<String, Double> percentDone) {
        super("Being rebuilt from the event store: " + String.join(", ", percentDone.keySet())
                + ". Retry shortly; progress is at /api/v1/views/status.");
        this.percentDone = Map.copyOf(percentDone);
    }

    public Map<String, Double> percentDone() {
        return percentDone;
    }
}
