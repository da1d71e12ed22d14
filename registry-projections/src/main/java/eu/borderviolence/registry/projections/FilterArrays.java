package eu.borderviolence.registry.projections;

import eu.borderviolence.registry.core.api.BorderLeg;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.IncidentFacts;

import java.util.stream.Stream;

/**
 * What the views keep in array columns for their filters (V19, V20): the values an incident has several of, each
 * once, in the row of the incident itself rather than as rows of child tables, which were most of what the views
 * wrote (docs/benchmarks.md). A filter asks whether its value is in the array: {@code ? = any(column)} in the facts'
 * SQL, Hibernate's {@code array_contains} in the list's query, which H2 and PostgreSQL answer alike. The values are
 * sorted, so that equal facts are written alike; their order means nothing.
 */
public final class FilterArrays {

    private FilterArrays() {
    }

    /** The distinct values, sorted, as an array column takes them. */
    public static String[] of(Stream<String> values) {
        return values.distinct().sorted().toArray(String[]::new);
    }

    /** Every country the incident touched ({@link IncidentFacts#countries()}), by code. */
    public static String[] countries(IncidentFacts facts) {
        return of(facts.countries().stream().map(CountryCode::code));
    }

    /** The incident's border legs, each as {@link #borderLeg} writes it. */
    public static String[] borderLegs(IncidentFacts facts) {
        return of(facts.borderLegs().stream().map(FilterArrays::borderLeg));
    }

    /** A border leg as the arrays keep it: {@code FROM-TO}, the two country codes; a leg is directed. */
    public static String borderLeg(BorderLeg leg) {
        return leg.from().code() + "-" + leg.to().code();
    }
}
