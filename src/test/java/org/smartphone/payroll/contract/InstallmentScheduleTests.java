package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.period.Period;

/** SPEC 2: installments, {@code scheduled(c, M)} and the oldest installment not fully covered. */
class InstallmentScheduleTests {

    private static final Period JAN_2026 = Period.parse("2026-01");

    /** The published check: 1 250 francs over 4 installments, rounding unit 1, from 2026-01. */
    private static InstallmentSchedule publishedCheck() {
        return InstallmentSchedule.of(1_250, 4, JAN_2026, 1);
    }

    @Nested
    class Installments {

        @Test
        void thePublishedCheckGives312_312_312_314() {
            // given / when
            InstallmentSchedule schedule = publishedCheck();

            // then: base = floor(1250 / 4 / 1) × 1 = floor(312.5) = 312; last = 1250 − 3 × 312 = 1250 − 936 = 314
            assertThat(schedule.base()).isEqualTo(312);
            assertThat(IntStream.rangeClosed(1, 4)
                            .mapToLong(schedule::installment)
                            .toArray())
                    .containsExactly(312, 312, 312, 314);
            assertThat(schedule.lastInstallment()).isEqualTo(314);
        }

        @Test
        void aRoundingUnitOf100Gives8300AndALastOf8700() {
            // given / when
            InstallmentSchedule schedule = InstallmentSchedule.of(100_000, 12, JAN_2026, 100);

            // then: 100000 / 12 = 8333.33; / 100 = 83.33 → 83 × 100 = 8300; last = 100000 − 11 × 8300 = 100000 − 91300
            // = 8700
            assertThat(schedule.base()).isEqualTo(8_300);
            for (int i = 1; i <= 11; i++) {
                assertThat(schedule.installment(i)).as("installment %d", i).isEqualTo(8_300);
            }
            assertThat(schedule.installment(12)).isEqualTo(8_700);
        }

        @Test
        void aTermOfOneIsASingleInstallmentOfTheWholeFinancedAmount() {
            // given / when
            InstallmentSchedule schedule = InstallmentSchedule.of(75_000, 1, JAN_2026, 1);

            // then: base = floor(75000 / 1 / 1) = 75000; last = 75000 − 75000 × 0 = 75000
            assertThat(schedule.base()).isEqualTo(75_000);
            assertThat(schedule.installment(1)).isEqualTo(75_000);
            assertThat(schedule.lastPeriod()).isEqualTo(JAN_2026);
            assertThat(schedule.scheduledThrough(JAN_2026)).isEqualTo(75_000);
        }

        @Test
        void installmentIIsDueInFirstPeriodPlusIMinusOneMonths() {
            // given: first period 2025-11, 12 installments
            InstallmentSchedule schedule = InstallmentSchedule.of(100_000, 12, Period.parse("2025-11"), 100);

            // then: installment 3 → 2025-11 + 2 = 2026-01; installment 12 → 2025-11 + 11 = 2026-10
            assertThat(schedule.periodOf(1)).isEqualTo(Period.parse("2025-11"));
            assertThat(schedule.periodOf(3)).isEqualTo(Period.parse("2026-01"));
            assertThat(schedule.lastPeriod()).isEqualTo(Period.parse("2026-10"));
        }

        @Test
        void thereIsNoInstallmentZeroNorOneAfterTheTerm() {
            InstallmentSchedule schedule = publishedCheck();

            assertThatThrownBy(() -> schedule.installment(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> schedule.installment(5)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest(name = "{0} francs over {1} months with unit {2}")
        @CsvSource({
            // 1199 < 12 × 100 = 1200
            "1199, 12, 100",
            // 11 < 12 × 1 = 12
            "11, 12, 1",
            // 0 < 1 × 1
            "0, 1, 1",
            // 4999 < 5 × 1000 = 5000
            "4999, 5, 1000"
        })
        void aFinancedAmountBelowTermTimesUnitIsRejected(long financed, int term, long unit) {
            assertThatThrownBy(() -> InstallmentSchedule.of(financed, term, JAN_2026, unit))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void exactlyTermTimesUnitIsAccepted() {
            // 1200 = 12 × 100: base = floor(1200 / 12 / 100) × 100 = 100; last = 1200 − 11 × 100 = 100
            InstallmentSchedule schedule = InstallmentSchedule.of(1_200, 12, JAN_2026, 100);

            assertThat(schedule.base()).isEqualTo(100);
            assertThat(schedule.lastInstallment()).isEqualTo(100);
        }

        @ParameterizedTest
        @CsvSource({"0", "61", "-1"})
        void aTermOutsideOneToSixtyMonthsIsRejected(int term) {
            assertThatThrownBy(() -> InstallmentSchedule.of(1_000_000, term, JAN_2026, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void sixtyMonthsIsTheLongestTerm() {
            // 600000 / 60 = 10000
            assertThat(InstallmentSchedule.of(600_000, 60, JAN_2026, 1).base()).isEqualTo(10_000);
        }
    }

    @Nested
    class ScheduledThrough {

        @ParameterizedTest(name = "scheduled(c, {0}) = {1}")
        @CsvSource({
            // before the first period: nothing is due yet
            "2025-12, 0",
            "2020-06, 0",
            // first period: 1 × 312
            "2026-01, 312",
            // middle: 2 × 312 = 624, 3 × 312 = 936
            "2026-02, 624",
            "2026-03, 936",
            // at the last period: 936 + 314 = 1250 = financed
            "2026-04, 1250",
            // past the last period: stays at financed
            "2026-05, 1250",
            "2030-01, 1250"
        })
        void addsTheInstallmentsDueUpToThePeriod(String period, long expected) {
            assertThat(publishedCheck().scheduledThrough(Period.parse(period))).isEqualTo(expected);
        }

        @Test
        void countsMonthsAcrossAYearBoundary() {
            // first 2025-11: 2026-02 is the 4th installment → 4 × 8300 = 33200
            InstallmentSchedule schedule = InstallmentSchedule.of(100_000, 12, Period.parse("2025-11"), 100);

            assertThat(schedule.scheduledThrough(Period.parse("2026-02"))).isEqualTo(33_200);
            // last period 2026-10 → financed
            assertThat(schedule.scheduledThrough(Period.parse("2026-10"))).isEqualTo(100_000);
            // 2026-09 is the 11th: 11 × 8300 = 91300
            assertThat(schedule.scheduledThrough(Period.parse("2026-09"))).isEqualTo(91_300);
        }
    }

    @Nested
    class OldestUnpaidPeriod {

        @ParameterizedTest(name = "collected {0} → {1}")
        @CsvSource({
            // nothing collected: installment 1
            "0, 2026-01",
            // 200 < 312: installment 1 not fully covered
            "200, 2026-01",
            // 311 = 312 − 1
            "311, 2026-01",
            // exactly 1 installment (312): installment 2
            "312, 2026-02",
            // mid-installment: 312 ≤ 500 < 624
            "500, 2026-02",
            // exactly 2 installments: 624
            "624, 2026-03",
            // exactly 3 installments: 936 → the last one (314) is next
            "936, 2026-04",
            // 1248 = 936 + 312 < 936 + 314: the last installment is still short of 2 francs
            "1248, 2026-04",
            "1249, 2026-04"
        })
        void isThePeriodOfTheFirstInstallmentNotFullyCovered(long collected, String expected) {
            assertThat(publishedCheck().oldestUnpaidPeriod(collected)).contains(Period.parse(expected));
        }

        @Test
        void isEmptyOnceEverythingIsCollected() {
            assertThat(publishedCheck().oldestUnpaidPeriod(1_250)).isEmpty();
        }

        @Test
        void aLastInstallmentLargerThanTheBaseIsFoundToo() {
            // 100000 over 12, unit 100: 11 × 8300 = 91300 covers installments 1..11 → installment 12 (2026-12)
            InstallmentSchedule schedule = InstallmentSchedule.of(100_000, 12, JAN_2026, 100);

            assertThat(schedule.oldestUnpaidPeriod(91_300)).contains(Period.parse("2026-12"));
            // 99600 = 12 × 8300 would cover 12 base installments, but the 12th is 8700: still 2026-12
            assertThat(schedule.oldestUnpaidPeriod(99_600)).contains(Period.parse("2026-12"));
            assertThat(schedule.oldestUnpaidPeriod(99_999)).contains(Period.parse("2026-12"));
            assertThat(schedule.oldestUnpaidPeriod(100_000)).isEmpty();
            // 8299 < 8300: installment 1
            assertThat(schedule.oldestUnpaidPeriod(8_299)).contains(JAN_2026);
        }
    }

    @Nested
    class Properties {

        private static final long[] UNITS = {1, 5, 25, 100, 1000};
        private static final long MAX_FINANCED = 1_000_000_000L;

        static IntStream seeds() {
            return IntStream.range(0, 20);
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        void installmentsAddUpAndScheduledGrowsToFinanced(int seed) {
            Random random = new Random(20_260_000L + seed);
            for (int n = 0; n < 500; n++) {
                // given a random valid contract: financed ≥ term × unit
                int term = 1 + random.nextInt(60);
                long unit = UNITS[random.nextInt(UNITS.length)];
                long minimum = term * unit;
                long financed = random.nextInt(4) == 0
                        ? minimum + random.nextInt(2 * term * (int) unit) // close to the lower bound
                        : minimum + random.nextLong(MAX_FINANCED - minimum + 1);
                Period first = Period.ofIndex(2020 * 12 + random.nextInt(120));
                String label = "financed " + financed + ", term " + term + ", unit " + unit + " (seed " + seed + ")";

                // when
                InstallmentSchedule schedule = InstallmentSchedule.of(financed, term, first, unit);

                // then: the installments add up to financed
                long base = schedule.base();
                long sum = 0;
                for (int i = 1; i <= term; i++) {
                    sum += schedule.installment(i);
                    if (i < term) {
                        assertThat(schedule.installment(i)).as(label).isEqualTo(base);
                    }
                }
                assertThat(sum).as(label).isEqualTo(financed);
                long last = schedule.installment(term);
                assertThat(base).as(label).isPositive();
                assertThat(base % unit).as(label).isZero();
                assertThat(last).as(label).isGreaterThanOrEqualTo(base);
                assertThat(last - base).as(label).isLessThan(term * unit);

                // and scheduled is non-decreasing, 0 before the first period, financed from the last one on
                assertThat(schedule.scheduledThrough(first.plusMonths(-1)))
                        .as(label)
                        .isZero();
                long previous = 0;
                long expectedCumulative = 0;
                for (int k = 0; k < term + 3; k++) {
                    Period period = first.plusMonths(k);
                    long scheduled = schedule.scheduledThrough(period);
                    if (k < term) {
                        expectedCumulative += schedule.installment(k + 1);
                    }
                    assertThat(scheduled)
                            .as(label + " at " + period)
                            .isGreaterThanOrEqualTo(previous)
                            .isEqualTo(expectedCumulative);
                    previous = scheduled;
                }
                assertThat(schedule.scheduledThrough(schedule.lastPeriod()))
                        .as(label)
                        .isEqualTo(financed);

                // and the oldest unpaid period is the first installment a naive walk leaves uncovered
                long collected = random.nextLong(financed + 1);
                assertThat(schedule.oldestUnpaidPeriod(collected))
                        .as(label + ", collected " + collected)
                        .isEqualTo(naiveOldestUnpaid(schedule, collected));
            }
        }

        @ParameterizedTest(name = "seed {0}")
        @MethodSource("seeds")
        void financedBelowTermTimesUnitIsAlwaysRejected(int seed) {
            Random random = new Random(30_260_000L + seed);
            for (int n = 0; n < 100; n++) {
                int term = 1 + random.nextInt(60);
                long unit = UNITS[random.nextInt(UNITS.length)];
                long financed = random.nextLong(term * unit); // 0 .. term × unit − 1
                assertThatThrownBy(() -> InstallmentSchedule.of(financed, term, JAN_2026, unit))
                        .as("financed %d, term %d, unit %d", financed, term, unit)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }

        private static Optional<Period> naiveOldestUnpaid(InstallmentSchedule schedule, long collected) {
            long left = collected;
            for (int i = 1; i <= schedule.term(); i++) {
                if (left < schedule.installment(i)) {
                    return Optional.of(schedule.firstPeriod().plusMonths(i - 1));
                }
                left -= schedule.installment(i);
            }
            return Optional.empty();
        }
    }
}
