package eu.borderviolence.registry.projections.frontex;

import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.FrontexPresence;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.figures.FindFrontexPresenceQuery;
import eu.borderviolence.registry.core.api.figures.FrontexPresenceFigures;
import eu.borderviolence.registry.projections.figures.Breakdown;
import eu.borderviolence.registry.projections.figures.FactRecord;
import eu.borderviolence.registry.projections.figures.FactTables;
import eu.borderviolence.registry.projections.figures.Keys;
import eu.borderviolence.registry.projections.figures.Tally;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Frontex-presence view: incidents in which witnesses saw Frontex observing or participating, and incidents
 * with foreign officers of a third state. It is the evidence base for complaints, so every figure lists the
 * incidents behind it.
 *
 * <p>The host country of a Frontex presence is the one recorded with it; when none was, the incident's place, and
 * failing that its acting states. The host country of foreign officers is each acting state.
 */
@Component
public class FrontexPresenceProjection {

    private final FactTables tables;

    FrontexPresenceProjection(FactTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    public FrontexPresenceFigures find(FindFrontexPresenceQuery query) {
        Presence frontex = new Presence();
        Breakdown roles = new Breakdown();
        Breakdown recognitions = new Breakdown();
        Presence foreign = new Presence();
        Breakdown foreignCountries = new Breakdown();
        tables.forEachFrontexOrForeignOfficers(query.filter(), record -> {
            IncidentFacts facts = record.facts();
            FrontexPresence presence = facts.frontex();
            if (presence != null) {
                frontex.add(record, hostCountries(facts, presence));
                roles.add(presence.role().name(), record);
                presence.recognisedBy().forEach(way -> recognitions.add(way.name(), record));
            }
            if (!facts.foreignOfficers().isEmpty()) {
                foreign.add(record, facts.actingStates());
                facts.foreignOfficers().stream().map(a -> a.authority().country().code()).distinct()
                        .forEach(country -> foreignCountries.add(country, record));
            }
        });
        return new FrontexPresenceFigures(frontex.total.figures(true), roles.mostFirst(true),
                frontex.hosts.mostFirst(true), frontex.legs.mostFirst(true), recognitions.mostFirst(true),
                frontex.quarters.chronological(true), foreign.total.figures(true), foreignCountries.mostFirst(true),
                foreign.hosts.mostFirst(true), foreign.legs.mostFirst(true), foreign.quarters.chronological(true));
    }

    private static Set<CountryCode> hostCountries(IncidentFacts facts, FrontexPresence presence) {
        if (presence.hostCountry() != null) {
            return Set.of(presence.hostCountry());
        }
        if (facts.place() != null && facts.place().country() != null) {
            return Set.of(facts.place().country());
        }
        return new LinkedHashSet<>(facts.actingStates());
    }

    /** One kind of presence: its incidents, by host country, border leg and quarter. */
    private static final class Presence {
        private final Tally total = new Tally();
        private final Breakdown hosts = new Breakdown();
        private final Breakdown legs = new Breakdown();
        private final Breakdown quarters = new Breakdown();

        void add(FactRecord record, Set<CountryCode> hostCountries) {
            total.add(record);
            hostCountries.forEach(country -> hosts.add(country.code(), record));
            record.facts().borderLegs().forEach(leg -> legs.add(Keys.leg(leg), record));
            quarters.add(record.quarter(), record);
        }
    }
}
