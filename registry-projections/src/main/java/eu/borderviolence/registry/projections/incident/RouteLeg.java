package eu.borderviolence.registry.projections.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One border leg of an incident's route, kept in its own table so that lists can be filtered by leg. Read by the
 * filters only; the projection writes the rows from the facts ({@link IncidentSummary#legRows}).
 */
@Embeddable
class RouteLeg {

    @Column(name = "from_country", length = 2, nullable = false)
    private String fromCountry;

    @Column(name = "to_country", length = 2, nullable = false)
    private String toCountry;

    protected RouteLeg() {
        // for JPA
    }
}
