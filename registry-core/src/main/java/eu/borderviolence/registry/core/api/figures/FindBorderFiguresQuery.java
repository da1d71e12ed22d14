package eu.borderviolence.registry.core.api.figures;

/** The per-border view: figures per directed border leg and per chain-pushback route. */
public record FindBorderFiguresQuery(FigureFilter filter, boolean listIncidents) {
}
