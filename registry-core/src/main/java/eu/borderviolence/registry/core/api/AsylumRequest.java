package eu.borderviolence.registry.core.api;

/** Whether anyone asked for asylum and what the authorities did with the request. */
public enum AsylumRequest {
    NOT_ASKED,
    ASKED_AND_REFUSED,
    ASKED_AND_IGNORED,
    ASKED_OUTCOME_UNKNOWN,
    UNKNOWN;

    public boolean asked() {
        return this == ASKED_AND_REFUSED || this == ASKED_AND_IGNORED || this == ASKED_OUTCOME_UNKNOWN;
    }
}
