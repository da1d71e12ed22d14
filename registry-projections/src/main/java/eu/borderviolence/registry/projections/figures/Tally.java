package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.AsylumRequest;
import eu.borderviolence.registry.core.api.IncidentId;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.ViolationCode;
import eu.borderviolence.registry.core.api.figures.Count;
import eu.borderviolence.registry.core.api.figures.Figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts incidents and their people, each incident once however often it is added: a chain pushback that passes
 * two legs of one breakdown line, or an incident with two units of one authority, adds its people once.
 *
 * <p>The views hand their incidents over one at a time and add each to every tally it counts in before the next
 * (see {@link FactTables#forEachMatching}), so an incident added again is always the one added last: that is all
 * a tally needs to remember to count each once, and a list of the incidents, not a set, is all it keeps to list
 * them. A figure over hundreds of thousands of incidents in dozens of lines stays a few bytes per incident and line.
 */
public final class Tally {

    private final List<IncidentId> incidents = new ArrayList<>();
    private final Map<ViolationCode, Long> violations = new EnumMap<>(ViolationCode.class);
    private long people;
    private long withoutGroupSize;
    private long minors;
    private long unaccompaniedMinors;
    private long childrenUnder14;
    private long women;
    private long asylumRefused;
    private long asylumIgnored;

    /** Adds the incident unless it was added before; true if it was new. */
    public boolean add(FactRecord record) {
        if (!incidents.isEmpty() && incidents.get(incidents.size() - 1).equals(record.incidentId())) {
            return false;
        }
        incidents.add(record.incidentId());
        PeopleAffected group = record.facts().people();
        if (group == null || group.groupSize() == null) {
            withoutGroupSize++;
        } else {
            people += group.groupSize();
        }
        if (group != null) {
            minors += valueOf(group.minors());
            unaccompaniedMinors += valueOf(group.unaccompaniedMinors());
            childrenUnder14 += valueOf(group.childrenUnder14());
            women += valueOf(group.women());
        }
        if (record.facts().asylum() == AsylumRequest.ASKED_AND_REFUSED) {
            asylumRefused++;
        } else if (record.facts().asylum() == AsylumRequest.ASKED_AND_IGNORED) {
            asylumIgnored++;
        }
        record.facts().violations().forEach(code -> violations.merge(code, 1L, Long::sum));
        return true;
    }

    public long incidents() {
        return incidents.size();
    }

    public long people() {
        return people;
    }

    public Figures figures(boolean listIncidents) {
        return new Figures(incidents.size(), people, withoutGroupSize, minors, unaccompaniedMinors, childrenUnder14,
                women, asylumRefused, asylumIgnored, new LinkedHashMap<>(violations),
                listIncidents ? sortedIds() : null);
    }

    public Count count(String key, boolean listIncidents) {
        return new Count(key, incidents.size(), people, listIncidents ? sortedIds() : null);
    }

    /** The incidents in a stable order, by id, so that the same figures always list the same way. */
    private List<IncidentId> sortedIds() {
        return incidents.stream().sorted(Comparator.comparing(IncidentId::toString)).toList();
    }

    private static long valueOf(Integer count) {
        return count == null ? 0 : count;
    }
}
