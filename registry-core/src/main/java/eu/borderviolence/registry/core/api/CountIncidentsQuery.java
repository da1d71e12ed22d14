package eu.borderviolence.registry.core.api;

import java.util.Objects;

/**
 * How many incidents match a filter: the total of the pages {@link ListIncidentsQuery} gives. Asked apart from the
 * pages, so that the total can be kept while the incidents are unchanged and a client paging through a list does not
 * have every incident of the filter counted again for each page.
 */
public record CountIncidentsQuery(IncidentFilter filter) {

    public CountIncidentsQuery {
        Objects.requireNonNull(filter, "filter is required");
    }
}
