package eu.borderviolence.registry.core.api;

/** The legal instrument an official return relied on. */
public enum LegalBasis {
    /** Agreement between the European Community and Serbia on readmission (2007). */
    EU_SERBIA_READMISSION_AGREEMENT_2007,
    /** A bilateral readmission agreement or protocol between two states. */
    BILATERAL_READMISSION_AGREEMENT,
    /** Another or an unidentified instrument; see the document references. */
    OTHER,
    UNKNOWN
}
