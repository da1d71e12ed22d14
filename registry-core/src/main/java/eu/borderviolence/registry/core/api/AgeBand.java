package eu.borderviolence.registry.core.api;

/** Age band of a witness when the exact age is unknown or withheld. */
public enum AgeBand {
    UNDER_14, AGE_14_TO_17, AGE_18_TO_25, AGE_26_TO_35, AGE_36_TO_50, OVER_50, UNKNOWN
}
