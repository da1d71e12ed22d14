package eu.borderviolence.registry.core.api;

/** How a witness recognised officers of Frontex or of a foreign state. */
public enum Recognition {
    ARMBAND,
    FLAG_ON_UNIFORM,
    VEHICLE_MARKINGS,
    UNIFORM,
    LANGUAGE_SPOKEN,
    SELF_IDENTIFIED,
    OTHER
}
