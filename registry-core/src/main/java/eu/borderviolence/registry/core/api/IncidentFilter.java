package eu.borderviolence.registry.core.api;

import java.time.LocalDate;

/**
 * Which incidents to list. Every criterion is optional. {@code country} matches the place's country and every country
 * on the route; {@code from}/{@code to} match incidents whose date period overlaps the range; {@code status} defaults
 * to {@link IncidentStatus#ACTIVE} when absent.
 */
public record IncidentFilter(IncidentKind kind, CountryCode country, BorderLeg borderLeg, LocalDate from,
                             LocalDate to, IncidentStatus status) {

    public IncidentFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        status = status == null ? IncidentStatus.ACTIVE : status;
    }

    public static IncidentFilter none() {
        return new IncidentFilter(null, null, null, null, null, null);
    }
}
