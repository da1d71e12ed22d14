package eu.borderviolence.registry.core.api;

/** What kind of evidence corroborated an incident. */
public enum CorroborationSource {
    ANOTHER_TESTIMONY,
    MEDICAL_REPORT,
    PHOTO_OR_VIDEO,
    OFFICIAL_DOCUMENT,
    MEDIA_REPORT,
    OTHER_ORGANISATION_REPORT
}
