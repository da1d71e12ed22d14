package eu.borderviolence.registry.core.api;

/** The kind of state agency an officer belonged to, as witnesses recognise it. */
public enum AgencyType {
    BORDER_POLICE,
    REGULAR_POLICE,
    INTERVENTION_POLICE,
    SPECIAL_POLICE,
    GENDARMERIE,
    ARMY,
    COAST_GUARD,
    IMMIGRATION_AUTHORITY,
    PRIVATE_SECURITY,
    UNKNOWN
}
