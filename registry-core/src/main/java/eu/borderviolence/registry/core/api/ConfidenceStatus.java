package eu.borderviolence.registry.core.api;

/** How far the registry's monitors believe the incident happened as recorded (after HURIDOCS' standard formats). */
public enum ConfidenceStatus {
    CONFIRMED, LIKELY, POSSIBLE, UNLIKELY, UNKNOWN
}
