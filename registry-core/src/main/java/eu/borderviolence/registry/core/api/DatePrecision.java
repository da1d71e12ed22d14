package eu.borderviolence.registry.core.api;

/** How precisely a witness could date an incident. */
public enum DatePrecision {
    /** The exact day is known. */
    EXACT_DAY,
    /** The month is known, the day is not. */
    DAY_UNKNOWN,
    /** Only the year is known. */
    MONTH_UNKNOWN,
    /** An estimated period such as "end of March" or "two weeks before Eid". */
    ESTIMATED_RANGE
}
