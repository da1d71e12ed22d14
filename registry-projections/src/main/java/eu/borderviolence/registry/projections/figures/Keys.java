package eu.borderviolence.registry.projections.figures;

import eu.borderviolence.registry.core.api.Authority;
import eu.borderviolence.registry.core.api.BorderLeg;

import java.util.List;
import java.util.stream.Collectors;

/** How breakdown keys are written, the same in every view, and as the API's filters take them. */
public final class Keys {

    private Keys() {
    }

    /** A directed leg: {@code HU-RS}. */
    public static String leg(BorderLeg leg) {
        return leg.from().code() + "-" + leg.to().code();
    }

    /** A route as the countries passed in order: {@code AT-SI-HR-BA}. */
    public static String route(List<BorderLeg> legs) {
        return legs.get(0).from().code() + legs.stream().map(leg -> "-" + leg.to().code()).collect(Collectors.joining());
    }

    /** An authority by country and agency: {@code HR-BORDER_POLICE}. */
    public static String authority(Authority authority) {
        return authority.country().code() + "-" + authority.agency().name();
    }
}
