package eu.borderviolence.registry.projections.quarterly;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindQuarterlyReportQuery;
import eu.borderviolence.registry.core.api.figures.NationalityShare;
import eu.borderviolence.registry.core.api.figures.Quarter;
import eu.borderviolence.registry.core.api.figures.QuarterlyReport;
import eu.borderviolence.registry.projections.figures.Breakdown;
import eu.borderviolence.registry.projections.figures.FactTables;
import eu.borderviolence.registry.projections.figures.Keys;
import eu.borderviolence.registry.projections.figures.Tally;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The quarterly report: the figures a field report opens with, for the incidents whose earliest possible day lies
 * in the quarter.
 *
 * <p>Nationality shares are of the people whose nationality was recorded: a group of twelve with seven Afghans and
 * three Pakistanis recorded gives seven and three, and two people of unrecorded nationality. Exit points are the
 * states that expelled, entry points the states people were pushed into; a chain pushback counts at every border it
 * crossed, once per border.
 */
@Component
public class QuarterlyReportProjection {


    private final FactTables tables;

    QuarterlyReportProjection(FactTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    public QuarterlyReport find(FindQuarterlyReportQuery query) {
        boolean ids = query.listIncidents();
        Quarter quarter = query.quarter();
        Tally total = new Tally();
        Tally pushbacks = new Tally();
        Tally chains = new Tally();
        Breakdown borders = new Breakdown();
        Breakdown exits = new Breakdown();
        Breakdown entries = new Breakdown();
        Tally frontex = new Tally();
        Tally foreignOfficers = new Tally();
        Nationalities nationalities = new Nationalities();
        FigureFilter inQuarter = query.filter().between(quarter.firstDay(), quarter.lastDay());
        tables.forEachMatching(inQuarter, facts -> true, record -> {
            IncidentFacts facts = record.facts();
            total.add(record);
            if (facts.kind() == IncidentKind.PUSHBACK) {
                pushbacks.add(record);
                if (facts.isChainPushback()) {
                    chains.add(record);
                }
                for (BorderLeg leg : new LinkedHashSet<>(facts.borderLegs())) {
                    borders.add(Keys.leg(leg), record);
                    exits.add(leg.from().code(), record);
                    entries.add(leg.to().code(), record);
                }
            }
            if (facts.frontex() != null) {
                frontex.add(record);
            }
            if (!facts.foreignOfficers().isEmpty()) {
                foreignOfficers.add(record);
            }
            nationalities.add(facts);
        });
        return new QuarterlyReport(quarter.toString(), quarter.firstDay(), quarter.lastDay(), total.figures(ids),
                pushbacks.count("pushbacks", ids), chains.count("chain pushbacks", ids), shares(nationalities.recorded),
                nationalities.unrecorded, borders.mostFirst(ids), exits.mostFirst(ids), entries.mostFirst(ids),
                frontex.count("Frontex present", ids), foreignOfficers.count("foreign officers", ids));
    }

    /** Each nationality's share in percent, rounded half up to one decimal; largest first. */
    static List<NationalityShare> shares(Map<CountryCode, Long> nationals) {
        long all = nationals.values().stream().mapToLong(Long::longValue).sum();
        return nationals.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<CountryCode, Long> e) -> e.getValue()).reversed()
                        .thenComparing(e -> e.getKey().code()))
                .map(e -> new NationalityShare(e.getKey(), e.getValue(), BigDecimal.valueOf(e.getValue() * 100L)
                        .divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP).doubleValue()))
                .toList();
    }

    /** The people whose nationality was recorded, per nationality, and how many in the groups were not. */
    private static final class Nationalities {
        private final Map<CountryCode, Long> recorded = new HashMap<>();
        private long unrecorded;

        void add(IncidentFacts facts) {
            long recordedHere = 0;
            for (NationalityCount count : facts.nationalities()) {
                if (count.count() != null) {
                    recorded.merge(count.nationality(), (long) count.count(), Long::sum);
                    recordedHere += count.count();
                }
            }
            if (facts.people() != null && facts.people().groupSize() != null) {
                unrecorded += Math.max(0, facts.people().groupSize() - recordedHere);
            }
        }
    }
}
