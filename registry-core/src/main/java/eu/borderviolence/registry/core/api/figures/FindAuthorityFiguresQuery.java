package eu.borderviolence.registry.core.api.figures;

/** The per-authority view: figures per authority (country and agency, with units where known). */
public record FindAuthorityFiguresQuery(FigureFilter filter, boolean listIncidents) {
}
