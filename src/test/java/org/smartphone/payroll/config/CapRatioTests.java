package org.smartphone.payroll.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3: capacity = floor(net_pay × p / q); a net pay of 0 or less gives capacity 0. */
class CapRatioTests {

    private static final CapRatio ONE_THIRD = new CapRatio(1, 3);

    @Nested
    class Capacity {

        @ParameterizedTest(name = "{0} × {1}/{2} → {3}")
        @CsvSource({
            // 100000 / 3 = 33333.33 → 33333
            "100000, 1, 3, 33333",
            // 100001 / 3 = 33333.67 → 33333 (floor, never rounded up)
            "100001, 1, 3, 33333",
            // 99999 / 3 = 33333 exactly
            "99999, 1, 3, 33333",
            // 2 / 3 = 0.67 → 0
            "2, 1, 3, 0",
            // 12345 × 2 / 5 = 24690 / 5 = 4938
            "12345, 2, 5, 4938",
            // 12346 × 2 / 5 = 24692 / 5 = 4938.4 → 4938
            "12346, 2, 5, 4938",
            // the whole pay
            "5, 1, 1, 5",
            // nothing
            "250000, 0, 1, 0",
            // the largest amount a file may hold: 999999999999 / 3 = 333333333333
            "999999999999, 1, 3, 333333333333"
        })
        void isTheFloorOfNetPayTimesTheRatio(long netPay, long p, long q, long expected) {
            assertThat(new CapRatio(p, q).capacity(netPay)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, -15_000, -999_999_999_999L})
        void isZeroForANetPayOfZeroOrLess(long netPay) {
            assertThat(ONE_THIRD.capacity(netPay)).isZero();
        }
    }

    @Nested
    class Parsing {

        @Test
        void readsPOverQ() {
            CapRatio ratio = CapRatio.parse("1/3");

            assertThat(ratio.numerator()).isEqualTo(1);
            assertThat(ratio.denominator()).isEqualTo(3);
            assertThat(ratio).hasToString("1/3");
        }

        @Test
        void toleratesSpacesAroundTheNumbers() {
            assertThat(CapRatio.parse(" 2 / 5 ")).isEqualTo(new CapRatio(2, 5));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"", "1", "1:3", "1/3/4", "a/3", "1/b", "1.5/3", "/3", "1/", "1/0", "-1/3", "0.33", "4/3"
                }) // 4/3: a cap above the whole pay is not a cap
        void rejectsAnythingElse(String text) {
            assertThatThrownBy(() -> CapRatio.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
