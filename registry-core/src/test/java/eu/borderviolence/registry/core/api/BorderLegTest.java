package eu.borderviolence.registry.core.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class BorderLegTest {

    @Test
    void isDirectedFromTheExpellingStateToTheStatePeopleWereForcedInto() {
        BorderLeg leg = BorderLeg.of("HU", "RS");

        assertThat(leg.from()).isEqualTo(CountryCode.of("HU"));
        assertThat(leg.to()).isEqualTo(CountryCode.of("RS"));
        assertThat(leg).isNotEqualTo(BorderLeg.of("RS", "HU")).hasToString("HU→RS");
    }

    @Test
    void mustCrossABorder() {
        assertThatIllegalArgumentException().isThrownBy(() -> BorderLeg.of("RS", "RS"))
                .withMessageContaining("from and to must differ");
    }

    @Test
    void needsBothStates() {
        assertThatNullPointerException().isThrownBy(() -> new BorderLeg(CountryCode.of("HU"), null));
        assertThatNullPointerException().isThrownBy(() -> new BorderLeg(null, CountryCode.of("RS")));
    }

    @Test
    void aDublinTransferMustBeBetweenTwoStatesToo() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DublinTransfer(CountryCode.of("AT"),
                CountryCode.of("AT"), LocalDate.of(2021, 1, 28)));
    }
}
