package eu.borderviolence.registry.core.api;

/** Where an incident stands in its lifecycle. Only an active incident can change. */
public enum IncidentStatus {
    ACTIVE,
    /** Found to be the same as another incident, which carries it on; its own history stays readable. */
    MERGED,
    /** Withdrawn with a reason; kept in history, excluded from figures by default. */
    RETRACTED
}
