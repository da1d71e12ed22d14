package eu.borderviolence.registry.core.api.figures;

/** The readmissions view: readmission deportations by states, legal basis and prior Dublin transfer. */
public record FindReadmissionFiguresQuery(FigureFilter filter, boolean listIncidents) {
}
