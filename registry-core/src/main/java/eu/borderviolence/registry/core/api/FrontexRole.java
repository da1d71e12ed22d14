package eu.borderviolence.registry.core.api;

/** How Frontex (the European Border and Coast Guard Agency) was present at an incident. */
public enum FrontexRole {
    /** Present and watching, without taking part. */
    OBSERVING,
    /** Taking part: apprehending, escorting, transporting or using force. */
    PARTICIPATING
}
