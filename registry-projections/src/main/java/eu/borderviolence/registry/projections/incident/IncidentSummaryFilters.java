package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.IncidentFilter;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link IncidentFilter} into a query on the summaries. Country and border leg are {@code exists}
 * subqueries on the child tables, so an incident matching on several countries is still listed, and counted, once.
 */
final class IncidentSummaryFilters {

    private IncidentSummaryFilters() {
    }

    static Specification<IncidentSummary> matching(IncidentFilter filter) {
        return (root, query, cb) -> {
            List<Predicate> criteria = new ArrayList<>();
            criteria.add(cb.equal(root.get(IncidentSummary.STATUS), filter.status()));
            if (filter.kind() != null) {
                criteria.add(cb.equal(root.get(IncidentSummary.KIND), filter.kind()));
            }
            if (filter.country() != null) {
                criteria.add(cb.isMember(filter.country().code(), root.get(IncidentSummary.COUNTRIES)));
            }
            if (filter.borderLeg() != null) {
                Subquery<Integer> leg = query.subquery(Integer.class);
                Root<IncidentSummary> same = leg.correlate(root);
                Join<IncidentSummary, RouteLeg> legs = same.join(IncidentSummary.LEGS);
                leg.select(cb.literal(1)).where(
                        cb.equal(legs.get("fromCountry"), filter.borderLeg().from().code()),
                        cb.equal(legs.get("toCountry"), filter.borderLeg().to().code()));
                criteria.add(cb.exists(leg));
            }
            // The incident's period overlaps the range: earliest <= to and latest >= from. Undated incidents never do.
            if (filter.to() != null) {
                criteria.add(cb.lessThanOrEqualTo(root.get(IncidentSummary.DATE_EARLIEST), filter.to()));
            }
            if (filter.from() != null) {
                criteria.add(cb.greaterThanOrEqualTo(root.get(IncidentSummary.DATE_LATEST), filter.from()));
            }
            return cb.and(criteria.toArray(Predicate[]::new));
        };
    }
}
