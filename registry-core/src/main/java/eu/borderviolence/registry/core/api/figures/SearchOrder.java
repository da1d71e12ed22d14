package eu.borderviolence.registry.core.api.figures;

/** Orders of search results; ties are broken by incident id so pages never overlap. */
public enum SearchOrder {
    /** Most recent incidents first (by earliest possible day); undated last. */
    DATE_DESC,
    /** Oldest incidents first; undated last. */
    DATE_ASC,
    /** Largest groups first; unknown group sizes last. */
    PEOPLE_DESC,
    /** Most recently changed records first. */
    CHANGED_DESC
}
