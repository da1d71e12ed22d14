package eu.borderviolence.registry.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CountryCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"RS", "HU", "HR", "RO", "BG", "MK", "BA", "AF", "SY", "PK"})
    void acceptsISOAlpha2Codes(String code) {
        assertThat(CountryCode.of(code).code()).isEqualTo(code);
        assertThat(CountryCode.of(code)).hasToString(code);
    }

    @Test
    void acceptsKosovo() {
        assertThat(CountryCode.of("XK").code()).isEqualTo("XK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs", "Rs", "hu"})
    void refusesLowerCase(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "EU", "UK", "SRB", "R", " RS", "RS "})
    void refusesWhatIsNotAnAssignedAlpha2Code(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNothing(String code) {
        assertThatIllegalArgumentException().isThrownBy(() -> CountryCode.of(code));
    }
}
