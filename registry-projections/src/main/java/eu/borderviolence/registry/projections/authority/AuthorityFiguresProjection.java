package eu.borderviolence.registry.projections.authority;

import eu.borderviolence.registry.core.api.AgencyType;
import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.AuthorityInvolvement;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.figures.AuthorityFigures;
import eu.borderviolence.registry.core.api.figures.AuthorityFiguresPage;
import eu.borderviolence.registry.core.api.figures.FigureFilter;
import eu.borderviolence.registry.core.api.figures.FindAuthorityFiguresQuery;
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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The per-authority view: incidents per authority, an authority being a state's agency (Croatian border police,
 * Hungarian police), with the units witnesses could name. An incident with two units of one agency counts once for
 * the agency and once per unit.
 *
 * <p>A joint operation is an incident with foreign officers: authorities of a state that neither acted nor received
 * the people (see {@link IncidentFacts#foreignOfficers()}). An authority's partner countries in a joint operation are
 * the countries of the other operating authorities: the acting states' and the foreign officers', not those of the
 * receiving state's police taking people over.
 */
@Component
public class AuthorityFiguresProjection {


    private final FactTables tables;

    AuthorityFiguresProjection(FactTables tables) {
        this.tables = tables;
    }

    /** Whether this view counts an incident with these facts at all. */
    static boolean counts(IncidentFacts facts) {
        return !facts.authorities().isEmpty();
    }

    @QueryHandler
    public AuthorityFiguresPage find(FindAuthorityFiguresQuery query) {
        boolean ids = query.listIncidents();
        Tally total = new Tally();
        Map<Authority, AuthorityTally> authorities = new HashMap<>();
        tables.forEachMatching(query.filter(), AuthorityFiguresProjection::counts, record -> {
            total.add(record);
            Set<CountryCode> operating = operatingCountries(record.facts());
            boolean joint = !record.facts().foreignOfficers().isEmpty();
            for (AuthorityInvolvement involvement : record.facts().authorities()) {
                Authority agency = new Authority(involvement.authority().country(),
                        involvement.authority().agency(), null, null);
                if (selected(query.filter(), agency)) {
                    authorities.computeIfAbsent(agency, a -> new AuthorityTally())
                            .add(record, involvement.authority().unit(), joint, operating, agency.country());
                }
            }
        });
        List<AuthorityFigures> figures = authorities.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Authority, AuthorityTally> e) -> e.getValue().figures.incidents())
                        .reversed().thenComparing(e -> Keys.authority(e.getKey())))
                .map(e -> e.getValue().result(e.getKey().country(), e.getKey().agency(), ids)).toList();
        return new AuthorityFiguresPage(total.figures(ids), figures);
    }

    /** With an authority filter, only the authorities it names are listed; the incidents' other authorities not. */
    private static boolean selected(FigureFilter filter, Authority agency) {
        return (filter.authorityCountry() == null || filter.authorityCountry().equals(agency.country()))
                && (filter.agency() == null || filter.agency() == agency.agency());
    }

    /** The countries of the authorities that carried the incident out: acting states and foreign officers. */
    private static Set<CountryCode> operatingCountries(IncidentFacts facts) {
        Set<CountryCode> acting = facts.actingStates();
        Set<CountryCode> receiving = facts.receivingStates();
        return facts.authorities().stream().map(a -> a.authority().country())
                .filter(country -> acting.contains(country) || !receiving.contains(country))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Everything counted for one authority. */
    private static final class AuthorityTally {
        private final Tally figures = new Tally();
        private final Breakdown units = new Breakdown();
        private final Breakdown borders = new Breakdown();
        private final Tally jointOperations = new Tally();
        private final Breakdown partners = new Breakdown();
        private final Tally frontex = new Tally();

        void add(FactRecord record, String unit, boolean joint, Set<CountryCode> operating, CountryCode own) {
            if (unit != null) {
                units.add(unit, record);
            }
            if (!figures.add(record)) {
                return;
            }
            record.facts().borderLegs().forEach(leg -> borders.add(Keys.leg(leg), record));
            if (joint) {
                jointOperations.add(record);
                operating.stream().filter(country -> !country.equals(own))
                        .forEach(country -> partners.add(country.code(), record));
            }
            if (record.facts().frontex() != null) {
                frontex.add(record);
            }
        }

        AuthorityFigures result(CountryCode country, AgencyType agency, boolean ids) {
            return new AuthorityFigures(country, agency, figures.figures(ids), units.mostFirst(ids),
                    borders.mostFirst(ids), jointOperations.count("joint operations", ids), partners.mostFirst(ids),
                    frontex.count("Frontex present", ids));
        }
    }
}
