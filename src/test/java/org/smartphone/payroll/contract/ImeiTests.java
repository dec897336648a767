package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImeiTests {

    @ParameterizedTest
    @ValueSource(strings = {"490154203237518", "352099001761481"})
    void fifteenDigitsWithTheirLuhnCheckDigitAreValid(String imei) {
        assertThat(Imei.isValid(imei)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "490154203237517",
                "352099001761480",
                "49015420323751",
                "4901542032375180",
                "49015420323751A",
                "4901 5420323751"
            })
    void aWrongCheckDigitLengthOrCharacterIsInvalid(String imei) {
        assertThat(Imei.isValid(imei)).isFalse();
    }
}
