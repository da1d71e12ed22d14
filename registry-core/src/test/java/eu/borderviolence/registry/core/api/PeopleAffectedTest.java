package eu.borderviolence.registry.core.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeopleAffectedTest {

    @Test
    void countsPeopleWithinTheGroup() {
        PeopleAffected people = new PeopleAffected(12, 3, 1, 1, 2, 1, 0);

        assertThat(people.groupSize()).isEqualTo(12);
        assertThat(people.minors()).isEqualTo(3);
    }

    @Test
    void everyNumberMayBeUnknown() {
        PeopleAffected nothingCounted = new PeopleAffected(null, null, null, null, null, null, null);

        assertThat(nothingCounted.groupSize()).isNull();
    }

    @Test
    void countsWithoutAKnownGroupSizeAreAccepted() {
        assertThat(new PeopleAffected(null, 4, 2, null, 3, null, null).minors()).isEqualTo(4);
    }

    @Test
    void refusesMoreMinorsThanPeople() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeopleAffected(5, 6, null, null, null, null, null))
                .withMessage("minors must not exceed the group size");
    }

    @Test
    void refusesMoreWomenThanPeople() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeopleAffected(5, null, null, null, 6, null, null))
                .withMessage("women must not exceed the group size");
    }

    @Test
    void refusesMoreUnaccompaniedMinorsThanMinors() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeopleAffected(12, 3, 4, null, null, null, null))
                .withMessage("unaccompanied minors must not exceed the number of minors");
    }

    @Test
    void refusesMoreChildrenUnder14ThanMinors() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeopleAffected(null, 1, null, 2, null, null, null))
                .withMessage("children under 14 must not exceed the number of minors");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PeopleAffected(12, null, null, null, null, -1, null));
    }

    @Test
    void refusesAnEmptyOrImplausibleGroup() {
        assertThatIllegalArgumentException().isThrownBy(() -> PeopleAffected.group(0));
        assertThatIllegalArgumentException().isThrownBy(() -> PeopleAffected.group(PeopleAffected.MAX_GROUP_SIZE + 1));
        assertThat(PeopleAffected.group(PeopleAffected.MAX_GROUP_SIZE).groupSize())
                .isEqualTo(PeopleAffected.MAX_GROUP_SIZE);
    }
}
