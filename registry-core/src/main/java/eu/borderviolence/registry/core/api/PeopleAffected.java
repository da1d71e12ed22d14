package eu.borderviolence.registry.core.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How many people an incident affected, as far as witnesses could count. Every number is optional; none may be
 * negative or exceed the group size, unaccompanied minors and children under 14 are counted among the minors.
 */
@Schema(description = "People affected. Every count is optional; none may exceed the group size.")
public record PeopleAffected(
        @Schema(description = "Size of the group affected.", example = "12", minimum = "1")
        Integer groupSize,
        @Schema(description = "Minors (under 18) in the group.", example = "4", minimum = "0")
        Integer minors,
        @Schema(description = "Unaccompanied minors; counted among the minors.", example = "2", minimum = "0")
        Integer unaccompaniedMinors,
        @Schema(description = "Children under 14; counted among the minors.", example = "1", minimum = "0")
        Integer childrenUnder14,
        @Schema(description = "Women in the group.", example = "0", minimum = "0")
        Integer women,
        @Schema(description = "Families in the group.", example = "0", minimum = "0")
        Integer families,
        @Schema(description = "Elderly people in the group.", example = "0", minimum = "0")
        Integer elderly) {

    /** Bounds group sizes to what a single operation can plausibly involve; larger numbers are typing errors. */
    public static final int MAX_GROUP_SIZE = 10_000;

    public PeopleAffected {
        if (groupSize != null && (groupSize < 1 || groupSize > MAX_GROUP_SIZE)) {
            throw new IllegalArgumentException("group size must be between 1 and " + MAX_GROUP_SIZE);
        }
        within("minors", minors, groupSize, "the group size");
        within("unaccompanied minors", unaccompaniedMinors, groupSize, "the group size");
        within("children under 14", childrenUnder14, groupSize, "the group size");
        within("women", women, groupSize, "the group size");
        within("families", families, groupSize, "the group size");
        within("elderly", elderly, groupSize, "the group size");
        within("unaccompanied minors", unaccompaniedMinors, minors, "the number of minors");
        within("children under 14", childrenUnder14, minors, "the number of minors");
    }

    public static PeopleAffected group(int size) {
        return new PeopleAffected(size, null, null, null, null, null, null);
    }

    private static void within(String what, Integer count, Integer bound, String boundName) {
        if (count == null) {
            return;
        }
        if (count < 0) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        if (count > MAX_GROUP_SIZE) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_GROUP_SIZE);
        }
        if (bound != null && count > bound) {
            throw new IllegalArgumentException(what + " must not exceed " + boundName);
        }
    }
}
