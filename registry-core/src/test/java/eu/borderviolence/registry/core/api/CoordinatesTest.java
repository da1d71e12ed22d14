package eu.borderviolence.registry.core.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CoordinatesTest {

    @ParameterizedTest
    @CsvSource({"46.1003, 19.6658", "90, 180", "-90, -180", "0, 0"})
    void acceptsPositionsOnTheGlobe(double latitude, double longitude) {
        assertThatCode(() -> new Coordinates(latitude, longitude)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"90.0001, 19.6658", "-90.0001, 19.6658", "46.1003, 180.0001", "46.1003, -180.0001",
            "19.6658, 246.1003"})
    void refusesPositionsOffTheGlobe(double latitude, double longitude) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Coordinates(latitude, longitude));
    }

    @Test
    void refusesNotANumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Coordinates(Double.NaN, 19.6658));
        assertThatIllegalArgumentException().isThrownBy(() -> new Coordinates(46.1003, Double.NaN));
    }
}
