package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.BorderLeg;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One border leg of an incident's route, kept in its own table so that lists can be filtered by leg. */
@Embeddable
class RouteLeg {

    @Column(name = "from_country", length = 2, nullable = false)
    private String fromCountry;

    @Column(name = "to_country", length = 2, nullable = false)
    private String toCountry;

    protected RouteLeg() {
        // for JPA
    }

    RouteLeg(BorderLeg leg) {
        this.fromCountry = leg.from().code();
        this.toCountry = leg.to().code();
    }
}
