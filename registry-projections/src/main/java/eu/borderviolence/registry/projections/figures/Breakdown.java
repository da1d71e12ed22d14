package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.figures.Count;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tally per key: incidents per border leg, per country, per quarter. Each incident counts once per key. */
public final class Breakdown {

    private static final Comparator<Map.Entry<String, Tally>> MOST_FIRST = Comparator
            .comparing((Map.Entry<String, Tally> e) -> e.getValue().incidents()).reversed()
            .thenComparing(Map.Entry::getKey);

    private final Map<String, Tally> tallies = new HashMap<>();

    public void add(String key, FactRecord record) {
        tallies.computeIfAbsent(key, k -> new Tally()).add(record);
    }

    /** Most incidents first; equal counts by key. */
    public List<Count> mostFirst(boolean listIncidents) {
        return tallies.entrySet().stream().sorted(MOST_FIRST).map(e -> e.getValue().count(e.getKey(), listIncidents))
                .toList();
    }

    /** At most {@code limit} lines, most incidents first. */
    public List<Count> top(int limit, boolean listIncidents) {
        return mostFirst(listIncidents).stream().limit(limit).toList();
    }

    /** By key, for time series: months and quarters sort chronologically, {@code undated} after them. */
    public List<Count> chronological(boolean listIncidents) {
        return tallies.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().count(e.getKey(), listIncidents)).toList();
    }
}
