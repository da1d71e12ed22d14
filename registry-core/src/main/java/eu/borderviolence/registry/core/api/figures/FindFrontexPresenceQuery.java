package eu.borderviolence.registry.core.api.figures;

/** The Frontex-presence view. It always lists the incidents behind each figure: it is the evidence for complaints. */
public record FindFrontexPresenceQuery(FigureFilter filter) {
}
