package eu.borderviolence.registry.core.api;

import java.util.Objects;

/**
 * The incidents on one page of those matching a filter, most recently reported first; pages count from 0. The answer
 * is the page's incidents only: how many match in all is {@link CountIncidentsQuery}.
 */
public record ListIncidentsQuery(IncidentFilter filter, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    public ListIncidentsQuery {
        Objects.requireNonNull(filter, "filter is required");
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }
}
