package eu.borderviolence.registry.core.api;

/** The part of the day an incident happened in, as witnesses usually tell it. */
public enum TimeOfDay {
    MORNING, AFTERNOON, EVENING, NIGHT
}
