package eu.borderviolence.registry.projections.border;

import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.figures.BorderFigures;
import eu.borderviolence.registry.core.api.figures.BorderLegFigures;
import eu.borderviolence.registry.core.api.figures.FindBorderFiguresQuery;
import eu.borderviolence.registry.projections.figures.Breakdown;
import eu.borderviolence.registry.projections.figures.FactRecord;
import eu.borderviolence.registry.projections.figures.FactTables;
import eu.borderviolence.registry.projections.figures.Keys;
import eu.borderviolence.registry.projections.figures.Tally;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The per-border view: incidents with border legs, counted per directed leg (HU→RS is not RS→HU) and per chain
 * route. A chain pushback counts on every leg it passed, once per leg even if it crossed one twice, and once in the
 * total.
 */
@Component
public class BorderFiguresProjection {

    private static final int TOP_AUTHORITIES = 5;

    private final FactTables tables;

    BorderFiguresProjection(FactTables tables) {
        this.tables = tables;
    }

    /** Whether this view counts an incident with these facts at all. */
    static boolean counts(IncidentFacts facts) {
        return !facts.borderLegs().isEmpty();
    }

    @QueryHandler
    public BorderFigures find(FindBorderFiguresQuery query) {
        boolean ids = query.listIncidents();
        Tally total = new Tally();
        Map<BorderLeg, LegTally> legs = new HashMap<>();
        Breakdown chains = new Breakdown();
        tables.forEachMatching(query.filter(), BorderFiguresProjection::counts, record -> {
            total.add(record);
            for (BorderLeg leg : new LinkedHashSet<>(record.facts().borderLegs())) {
                if (query.filter().borderLeg() == null || query.filter().borderLeg().equals(leg)) {
                    legs.computeIfAbsent(leg, l -> new LegTally()).add(record);
                }
            }
            if (record.facts().isChainPushback()) {
                chains.add(Keys.route(record.facts().borderLegs()), record);
            }
        });
        List<BorderLegFigures> legFigures = legs.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<BorderLeg, LegTally> e) -> e.getValue().figures.incidents())
                        .reversed().thenComparing(e -> e.getKey().toString()))
                .map(e -> e.getValue().result(e.getKey(), ids)).toList();
        return new BorderFigures(total.figures(ids), legFigures, chains.mostFirst(ids));
    }

    /** Everything counted for one leg. */
    private static final class LegTally {
        private final Tally figures = new Tally();
        private final Breakdown authorities = new Breakdown();
        private final Breakdown months = new Breakdown();
        private final Breakdown quarters = new Breakdown();
        private long chainPushbacks;

        void add(FactRecord record) {
            if (!figures.add(record)) {
                return;
            }
            if (record.facts().isChainPushback()) {
                chainPushbacks++;
            }
            record.facts().authorities().stream().map(AuthorityInvolvement::authority)
                    .map(Keys::authority).distinct()
                    .forEach(key -> authorities.add(key, record));
            months.add(record.month(), record);
            quarters.add(record.quarter(), record);
        }

        BorderLegFigures result(BorderLeg leg, boolean ids) {
            return new BorderLegFigures(leg, figures.figures(ids), chainPushbacks,
                    authorities.top(TOP_AUTHORITIES, ids), months.chronological(ids), quarters.chronological(ids));
        }
    }
}
