package eu.borderviolence.registry.core.api.figures;

/** Incidents matching a filter, a page at a time, in the given order. */
public record SearchIncidentsQuery(FigureFilter filter, SearchOrder order, int page, int size) {

    public SearchIncidentsQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("size must be between 1 and 200");
        }
        order = order == null ? SearchOrder.DATE_DESC : order;
    }
}
