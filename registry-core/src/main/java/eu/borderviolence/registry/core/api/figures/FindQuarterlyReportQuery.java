package eu.borderviolence.registry.core.api.figures;

/**
 * The figures a quarterly field report opens with, for incidents whose earliest possible day lies in the quarter.
 * The filter's own date range is replaced by the quarter's.
 */
public record FindQuarterlyReportQuery(Quarter quarter, FigureFilter filter, boolean listIncidents) {
}
