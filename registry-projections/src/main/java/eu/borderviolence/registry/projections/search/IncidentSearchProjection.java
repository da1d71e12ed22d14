package eu.borderviolence.registry.projections.search;

import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.figures.IncidentSearchHit;
import eu.borderviolence.registry.core.api.figures.IncidentSearchPage;
import eu.borderviolence.registry.core.api.figures.SearchIncidentsQuery;
import eu.borderviolence.registry.projections.figures.FactRecord;
import eu.borderviolence.registry.projections.figures.FactTables;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The incident search: every incident, found by any combination of the views' filters, a page at a time. It answers
 * with summaries of incident facts; testimonies and witnesses never reach it.
 */
@Component
public class IncidentSearchProjection {


    private final FactTables tables;

    IncidentSearchProjection(FactTables tables) {
        this.tables = tables;
    }

    @QueryHandler
    public IncidentSearchPage search(SearchIncidentsQuery query) {
        return new IncidentSearchPage(
                tables.page(query.filter(), query.order(), query.page(), query.size()).stream()
                        .map(IncidentSearchProjection::hit).toList(),
                query.page(), query.size(), tables.count(query.filter()));
    }

    private static IncidentSearchHit hit(FactRecord record) {
        IncidentFacts facts = record.facts();
        return new IncidentSearchHit(record.incidentId(), record.status(), facts.kind(), facts.confidence(),
                facts.date(), facts.place() == null ? null : facts.place().country(), facts.borderLegs(),
                facts.people() == null ? null : facts.people().groupSize(),
                facts.people() == null ? null : facts.people().minors(), facts.violations(),
                facts.frontex() == null ? null : facts.frontex().role(), !facts.foreignOfficers().isEmpty(),
                record.changedAt());
    }
}
