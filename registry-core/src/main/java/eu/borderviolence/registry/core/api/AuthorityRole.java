package eu.borderviolence.registry.core.api;

/** What an authority did in an incident. */
public enum AuthorityRole {
    APPREHENDED,
    USED_VIOLENCE,
    DETAINED,
    TRANSPORTED,
    EXPELLED,
    OBSERVED,
    RECEIVED
}
