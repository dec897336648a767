package org.smartphone.payroll.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 2 and 5: periods are written YYYY-MM; installment i is due in first + (i − 1) months. */
class PeriodTests {

    @Nested
    class Parsing {

        @Test
        void readsYearAndMonth() {
            Period period = Period.parse("2026-03");

            assertThat(period.year()).isEqualTo(2026);
            assertThat(period.month()).isEqualTo(3);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01", "2026-12", "0999-07", "9999-12", "0001-01", "0010-10"})
        void writesBackWhatItRead(String text) {
            assertThat(Period.parse(text)).hasToString(text);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "2026-13",
                    "2026-00",
                    "2026-3",
                    "26-03",
                    "2026/03",
                    "202603",
                    "2026-03-01",
                    " 2026-03",
                    "0000-05",
                    "2026-1a",
                    "\u0662\u0660\u0662\u0666-03"
                })
        void rejectsAnythingElse(String text) {
            assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theConstructorRejectsAMonthOutOfRange() {
            assertThatThrownBy(() -> new Period(2026, 13)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Period(2026, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class MonthArithmetic {

        @ParameterizedTest(name = "{0} + {1} months = {2}")
        @CsvSource({
            "2026-03, 0, 2026-03",
            "2026-11, 3, 2027-02",
            "2026-01, -1, 2025-12",
            "2026-03, 24, 2028-03",
            "2026-12, 1, 2027-01",
            // installment 12 of a contract starting 2025-11: 2025-11 + 11 = 2026-10
            "2025-11, 11, 2026-10"
        })
        void addsMonthsAcrossYears(String from, int months, String expected) {
            assertThat(Period.parse(from).plusMonths(months)).isEqualTo(Period.parse(expected));
        }

        @ParameterizedTest(name = "{0} → {1}: {2} months")
        @CsvSource({
            "2026-03, 2026-03, 0",
            // 2025-12 → 2026-03: Jan, Feb, Mar = 3
            "2025-12, 2026-03, 3",
            "2026-03, 2025-12, -3",
            "2024-01, 2026-01, 24"
        })
        void countsMonthsBetweenPeriods(String from, String to, int expected) {
            assertThat(Period.parse(from).monthsUntil(Period.parse(to))).isEqualTo(expected);
        }

        @Test
        void consecutivePeriodsHaveConsecutiveIndexes() {
            Period december = Period.parse("2025-12");
            Period january = Period.parse("2026-01");

            assertThat(january.index()).isEqualTo(december.index() + 1);
            assertThat(Period.ofIndex(january.index())).isEqualTo(january);
        }
    }

    @Nested
    class Ordering {

        @Test
        void ordersByYearThenMonth() {
            Period nov2025 = Period.parse("2025-11");
            Period feb2026 = Period.parse("2026-02");

            assertThat(nov2025).isLessThan(feb2026);
            assertThat(feb2026.isAfter(nov2025)).isTrue();
            assertThat(nov2025.isAfter(feb2026)).isFalse();
            assertThat(feb2026.isAfter(Period.parse("2026-02"))).isFalse();
            assertThat(feb2026.compareTo(Period.parse("2026-02"))).isZero();
        }
    }
}
