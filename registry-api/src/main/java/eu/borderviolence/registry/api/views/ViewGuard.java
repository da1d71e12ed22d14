package eu.borderviolence.registry.api.views;

import eu.borderviolence.registry.api.error.ViewRebuildingException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/** Stops a read from answering with a view that is being rebuilt: 503 with Retry-After and the progress instead. */
@Component
public class ViewGuard {

    private final ViewRebuilds rebuilds;

    public ViewGuard(ViewRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    public void requireServing(String... views) {
        Map<String, Double> rebuilding = new TreeMap<>();
        for (String view : views) {
            if (rebuilds.isRebuilding(view)) {
                ViewStatus.Rebuild rebuild = rebuilds.status(view).rebuild();
                rebuilding.put(view, rebuild == null ? 0 : rebuild.percentDone());
            }
        }
        if (!rebuilding.isEmpty()) {
            throw new ViewRebuildingException(rebuilding);
        }
    }
}
