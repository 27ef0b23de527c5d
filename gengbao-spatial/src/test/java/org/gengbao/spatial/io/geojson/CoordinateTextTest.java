package org.gengbao.spatial.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoordinateTextTest {
    @ParameterizedTest
    @CsvSource({
        "117.00123456789123, 9, 117.001234568",
        "31.6000000004, 9, 31.6",
        "117, 9, 117",
        "-0.0000000004, 9, 0",
        "-0.0000000006, 9, -0.000000001",
        "0.05, 9, 0.05",
        "-73.5, 0, -74",
        "39500000.125, 3, 39500000.125",
        "39500000.0004, 3, 39500000",
        "3500100.75, 0, 3500101",
        "39500000.123456789, 9, 39500000.123456791",
        "1e20, 2, 100000000000000000000",
        "1.5e-7, 9, 0.00000015"
    })
    void formatsWithFixedDecimals(double value, int decimals, String expected) {
        assertThat(CoordinateText.format(value, decimals)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"NaN", "Infinity"})
    void refusesNonFiniteNumbers(double value) {
        assertThatThrownBy(() -> CoordinateText.format(value, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
