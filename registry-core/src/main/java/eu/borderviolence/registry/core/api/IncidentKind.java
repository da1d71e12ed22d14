package eu.borderviolence.registry.core.api;

/** The three kinds of incident the registry records. */
public enum IncidentKind {
    /** An unlawful expulsion across one or more borders without an individual procedure. */
    PUSHBACK,
    /** Violence by police inside a country, not tied to a border crossing: raids, beatings, theft. */
    POLICE_VIOLENCE,
    /** A formalised return under a readmission agreement, sometimes right after a Dublin transfer. */
    READMISSION_DEPORTATION
}
