package eu.borderviolence.registry.core.api;

/** Gender of a witness as they state it. */
public enum Gender {
    FEMALE, MALE, NON_BINARY, UNDISCLOSED
}
