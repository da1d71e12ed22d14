package eu.borderviolence.registry.core.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything known about what happened in an incident. Facts, never identities: nothing in here may name or
 * describe an individual; that belongs to the testimony's personal data.
 *
 * <p>Only the kind is required. Every other fact may be unknown, because witnesses often cannot tell; but what is
 * given must be consistent: a pushback crosses at least one border along a connected route, police violence happens
 * inside one country, a readmission names its states, and no count exceeds the group.
 */
@Schema(description = "The facts of an incident. Only kind is required; unknown facts are left out.")
public record IncidentFacts(
        @Schema(description = "Kind of incident.", requiredMode = Schema.RequiredMode.REQUIRED)
        IncidentKind kind,
        @Schema(description = "When it happened.")
        IncidentDate date,
        @Schema(description = "Where it happened.")
        Place place,
        @Schema(description = "Directed border legs in the order they were crossed; "
                + "more than one makes a chain pushback. Required for pushbacks, empty otherwise.")
        List<BorderLeg> borderLegs,
        @Schema(description = "People affected.")
        PeopleAffected people,
        @Schema(description = "Nationalities in the group, each at most once.")
        List<NationalityCount> nationalities,
        @Schema(description = "State authorities involved and what they did.")
        List<AuthorityInvolvement> authorities,
        @Schema(description = "Frontex presence, if any was observed.")
        FrontexPresence frontex,
        @Schema(description = "Violations, by stable code.")
        Set<ViolationCode> violations,
        @Schema(description = "Whether asylum was asked for and what happened; UNKNOWN if not given.")
        AsylumRequest asylum,
        @Schema(description = "Confidence in the account (HURIDOCS); UNKNOWN if not given.")
        ConfidenceStatus confidence,
        @Schema(description = "Readmission particulars; required for readmission deportations, absent otherwise.")
        Readmission readmission) {

    public IncidentFacts {
        if (kind == null) {
            throw new IllegalArgumentException("incident kind is required");
        }
        borderLegs = noNulls(borderLegs, 10, "border legs");
        nationalities = noNulls(nationalities, 50, "nationalities");
        authorities = noNulls(authorities, 30, "authorities");
        if (violations != null && violations.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("violations must not contain empty values");
        }
        violations = violations == null || violations.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(violations));
        asylum = asylum == null ? AsylumRequest.UNKNOWN : asylum;
        confidence = confidence == null ? ConfidenceStatus.UNKNOWN : confidence;

        switch (kind) {
            case PUSHBACK -> {
                require(!borderLegs.isEmpty(), "a pushback needs at least one border leg");
                for (int i = 1; i < borderLegs.size(); i++) {
                    require(borderLegs.get(i - 1).to().equals(borderLegs.get(i).from()),
                            "the border legs of a chain pushback must connect: each leg starts where the previous ended");
                }
                require(readmission == null, "readmission particulars belong to readmission deportations only");
            }
            case POLICE_VIOLENCE -> {
                require(borderLegs.isEmpty(), "police violence happens inside a country: no border legs");
                require(place != null && place.country() != null, "police violence needs the country it happened in");
                require(readmission == null, "readmission particulars belong to readmission deportations only");
            }
            case READMISSION_DEPORTATION -> {
                require(readmission != null, "a readmission deportation needs its readmission particulars");
                require(borderLegs.isEmpty(),
                        "a readmission deportation's route is its sending and receiving state: no border legs");
            }
        }
        require(unique(nationalities, NationalityCount::nationality), "each nationality may appear only once");
        require(unique(authorities, AuthorityInvolvement::authority), "each authority may appear only once");
        if (people != null && people.groupSize() != null) {
            int counted = nationalities.stream().map(NationalityCount::count).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).sum();
            require(counted <= people.groupSize(), "the nationality counts must not add up to more than the group size");
        }
    }

    public static IncidentFacts pushback(IncidentDate date, BorderLeg... legs) {
        return new IncidentFacts(IncidentKind.PUSHBACK, date, null, List.of(legs), null, null, null, null,
                null, null, null, null);
    }

    /** True for a pushback that crossed more than one border in one operation. */
    @JsonIgnore
    public boolean isChainPushback() {
        return borderLegs.size() > 1;
    }

    /**
     * The states whose authorities carried the incident out: the expelling state of every leg, the country of a police
     * violence incident, the sending state of a readmission.
     */
    @JsonIgnore
    public Set<CountryCode> actingStates() {
        Set<CountryCode> states = new LinkedHashSet<>();
        borderLegs.forEach(leg -> states.add(leg.from()));
        if (kind == IncidentKind.POLICE_VIOLENCE && place != null && place.country() != null) {
            states.add(place.country());
        }
        if (readmission != null) {
            states.add(readmission.sendingState());
        }
        return states;
    }

    /** The states people were expelled or returned to: the receiving state of every leg and of a readmission. */
    @JsonIgnore
    public Set<CountryCode> receivingStates() {
        Set<CountryCode> states = new LinkedHashSet<>();
        borderLegs.forEach(leg -> states.add(leg.to()));
        if (readmission != null) {
            states.add(readmission.receivingState());
        }
        return states;
    }

    /**
     * Every country the incident touched: the place's country, both ends of every border leg, a readmission's states
     * and the state a prior Dublin transfer came from. The country filters of lists and views match these.
     */
    @JsonIgnore
    public Set<CountryCode> countries() {
        Set<CountryCode> all = new LinkedHashSet<>();
        if (place != null && place.country() != null) {
            all.add(place.country());
        }
        all.addAll(actingStates());
        all.addAll(receivingStates());
        if (readmission != null && readmission.priorDublinTransfer() != null) {
            all.add(readmission.priorDublinTransfer().fromState());
        }
        return all;
    }

    /**
     * Authorities of a third country, neither acting nor receiving: foreign officers in a joint operation, such as
     * Austrian police on a Hungarian-Serbian border patrol. The receiving state's police, who take people over at the
     * border, are not foreign officers of the operation.
     */
    @JsonIgnore
    public List<AuthorityInvolvement> foreignOfficers() {
        Set<CountryCode> acting = actingStates();
        if (acting.isEmpty()) {
            return List.of();
        }
        Set<CountryCode> receiving = receivingStates();
        return authorities.stream()
                .filter(a -> !acting.contains(a.authority().country()) && !receiving.contains(a.authority().country()))
                .toList();
    }

    /** The names of the facts that differ between this and {@code other}, in declaration order. */
    public List<String> differencesFrom(IncidentFacts other) {
        List<String> changed = new ArrayList<>();
        compare(changed, "kind", other, IncidentFacts::kind);
        compare(changed, "date", other, IncidentFacts::date);
        compare(changed, "place", other, IncidentFacts::place);
        compare(changed, "borderLegs", other, IncidentFacts::borderLegs);
        compare(changed, "people", other, IncidentFacts::people);
        compare(changed, "nationalities", other, f -> Set.copyOf(f.nationalities()));
        compare(changed, "authorities", other, f -> Set.copyOf(f.authorities()));
        compare(changed, "frontex", other, IncidentFacts::frontex);
        compare(changed, "violations", other, IncidentFacts::violations);
        compare(changed, "asylum", other, IncidentFacts::asylum);
        compare(changed, "confidence", other, IncidentFacts::confidence);
        compare(changed, "readmission", other, IncidentFacts::readmission);
        return changed;
    }

    public IncidentFacts withConfidence(ConfidenceStatus newConfidence) {
        return new IncidentFacts(kind, date, place, borderLegs, people, nationalities, authorities, frontex,
                violations, asylum, newConfidence, readmission);
    }

    private <T> void compare(List<String> changed, String name, IncidentFacts other, Function<IncidentFacts, T> fact) {
        if (!Objects.equals(fact.apply(this), fact.apply(other))) {
            changed.add(name);
        }
    }

    private static <T> List<T> noNulls(List<T> values, int max, String what) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " must not contain empty values");
        }
        if (values.size() > max) {
            throw new IllegalArgumentException("at most " + max + " " + what);
        }
        return List.copyOf(values);
    }

    private static <T, K> boolean unique(List<T> values, Function<T, K> key) {
        Set<K> seen = new HashSet<>();
        return values.stream().map(key).allMatch(seen::add);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
