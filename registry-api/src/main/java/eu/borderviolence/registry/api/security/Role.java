package eu.borderviolence.registry.api.security;

/** The roles of the registry's users; an account has exactly one. */
public enum Role {
    /** Field monitors: submit testimonies, report and corroborate incidents, read their organisation's testimonies. */
    REPORTER,
    /** Legal-aid lawyers: read incidents and case histories, curate records, read testimonies of granted cases. */
    LAWYER,
    /** Advocacy analysts: the aggregate views only, no personal data, small counts suppressed. */
    ANALYST,
    /** Auditors: the event stream, integrity verification, view status and rebuilds. */
    AUDITOR,
    /** Administrators: accounts, tokens and case grants; nothing else. */
    ADMIN;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
