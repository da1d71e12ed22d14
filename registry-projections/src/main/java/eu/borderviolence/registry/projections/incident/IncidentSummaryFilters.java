package eu.borderviolence.registry.projections.incident;

import eu.borderviolence.registry.core.api.IncidentFilter;
import eu.borderviolence.registry.projections.FilterArrays;
import jakarta.persistence.criteria.Predicate;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link IncidentFilter} into a query on the summaries. Country and border leg ask whether the value is in
 * the summary's array column ({@link FilterArrays}, V20): one row per incident, so an incident matching on several
 * countries is listed, and counted, once.
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
            // Hibernate renders its array_contains in each database's own SQL.
            HibernateCriteriaBuilder arrays = (HibernateCriteriaBuilder) cb;
            if (filter.country() != null) {
                criteria.add(arrays.arrayContains(root.<String[]>get(IncidentSummary.COUNTRIES),
                        filter.country().code()));
            }
            if (filter.borderLeg() != null) {
                criteria.add(arrays.arrayContains(root.<String[]>get(IncidentSummary.BORDER_LEGS),
                        FilterArrays.borderLeg(filter.borderLeg())));
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
