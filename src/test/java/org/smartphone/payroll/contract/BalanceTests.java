package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartphone.payroll.period.Period;

/** SPEC 2 and 3: outstanding, due (arrears included), its arrears part and current part. */
class BalanceTests {

    /** 12 000 francs over 12 months from 2026-01, unit 1: base = 12000 / 12 = 1000, last = 12000 − 11 × 1000 = 1000. */
    private static final InstallmentSchedule TWELVE_OF_1000 =
            InstallmentSchedule.of(12_000, 12, Period.parse("2026-01"), 1);

    /** The published check: 312, 312, 312, 314 from 2026-01. */
    private static final InstallmentSchedule PUBLISHED_CHECK =
            InstallmentSchedule.of(1_250, 4, Period.parse("2026-01"), 1);

    private static Period p(String text) {
        return Period.parse(text);
    }

    @Nested
    class Due {

        @Test
        void includesTheArrearsOfEarlierMonths() {
            // given 1000 collected, 3 installments due by 2026-03
            Balance balance = new Balance(TWELVE_OF_1000, 1_000);

            // then: due = max(0, 3 × 1000 − 1000) = 2000
            assertThat(balance.dueXof(p("2026-03"))).isEqualTo(2_000);
        }

        @Test
        void isZeroBeforeTheFirstPeriod() {
            assertThat(new Balance(TWELVE_OF_1000, 0).dueXof(p("2025-12"))).isZero();
        }

        @Test
        void isNeverNegativeAfterAPrepayment() {
            // 5000 collected by 2026-03: max(0, 3000 − 5000) = 0
            assertThat(new Balance(TWELVE_OF_1000, 5_000).dueXof(p("2026-03"))).isZero();
        }

        @Test
        void pastTheTermTheWholeOutstandingIsDue() {
            // given 7000 collected, 2027-06 is past the last installment (2026-12)
            Balance balance = new Balance(TWELVE_OF_1000, 7_000);

            // then: scheduled = 12000, due = 12000 − 7000 = 5000 = outstanding
            assertThat(balance.dueXof(p("2027-06"))).isEqualTo(5_000).isEqualTo(balance.outstandingXof());
            // and all of it was already due the month before: arrears 5000, current 0
            assertThat(balance.arrearsPartXof(p("2027-06"))).isEqualTo(5_000);
            assertThat(balance.currentPartXof(p("2027-06"))).isZero();
        }
    }

    @Nested
    class ArrearsAndCurrentParts {

        @ParameterizedTest(name = "collected {0} in {1}: due {2} = arrears {3} + current {4}")
        @CsvSource({
            // first month: scheduled(2025-12) = 0 → arrears 0; due 1000 − 0 = 1000
            "0,     2026-01, 1000, 0,    1000",
            // one month missed: due 3000 − 1000 = 2000; arrears = 2000 − 1000 = 1000; current 1000
            "1000,  2026-03, 2000, 1000, 1000",
            // up to date: due 3000 − 2000 = 1000; arrears = max(0, 2000 − 2000) = 0; current 1000
            "2000,  2026-03, 1000, 0,    1000",
            // a prepayment covering the arrears and half the month: due 3000 − 2500 = 500; arrears max(0, 2000 − 2500)
            // = 0
            "2500,  2026-03, 500,  0,    500",
            // nothing paid for 3 months: due 3000; arrears 2000; current 1000
            "0,     2026-03, 3000, 2000, 1000",
            // at the last period (2026-12): due 12000 − 7000 = 5000; arrears 11000 − 7000 = 4000; current 1000
            "7000,  2026-12, 5000, 4000, 1000"
        })
        void splitTheDue(long collected, String period, long due, long arrears, long current) {
            Balance balance = new Balance(TWELVE_OF_1000, collected);

            assertThat(balance.dueXof(p(period))).isEqualTo(due);
            assertThat(balance.arrearsPartXof(p(period))).isEqualTo(arrears);
            assertThat(balance.currentPartXof(p(period))).isEqualTo(current);
        }

        @Test
        void theLastInstallmentCarriesTheRemainderIntoTheCurrentPart() {
            // given the published check with one installment collected (312), in 2026-04 (the last)
            Balance balance = new Balance(PUBLISHED_CHECK, 312);

            // then: due = 1250 − 312 = 938; arrears = 936 − 312 = 624; current = 938 − 624 = 314
            assertThat(balance.dueXof(p("2026-04"))).isEqualTo(938);
            assertThat(balance.arrearsPartXof(p("2026-04"))).isEqualTo(624);
            assertThat(balance.currentPartXof(p("2026-04"))).isEqualTo(314);
        }
    }

    @Nested
    class OutstandingAndSettlement {

        @Test
        void outstandingIsFinancedMinusCollected() {
            // 12000 − 4500 = 7500
            Balance balance = new Balance(TWELVE_OF_1000, 4_500);

            assertThat(balance.outstandingXof()).isEqualTo(7_500);
            assertThat(balance.isSettled()).isFalse();
        }

        @Test
        void aContractIsSettledWhenOutstandingReachesZero() {
            // 4500 + 7500 = 12000 = financed
            Balance settled = new Balance(TWELVE_OF_1000, 4_500).plus(7_500);

            assertThat(settled.collectedXof()).isEqualTo(12_000);
            assertThat(settled.outstandingXof()).isZero();
            assertThat(settled.isSettled()).isTrue();
            assertThat(settled.dueXof(p("2030-01"))).isZero();
        }
    }

    @Nested
    class Invariant {

        @Test
        void collectedAboveFinancedIsRefused() {
            assertThatThrownBy(() -> new Balance(TWELVE_OF_1000, 12_001)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void negativeCollectedIsRefused() {
            assertThatThrownBy(() -> new Balance(TWELVE_OF_1000, -1)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void postingBeyondTheOutstandingIsRefused() {
            // 11000 + 1001 = 12001 > 12000
            Balance balance = new Balance(TWELVE_OF_1000, 11_000);

            assertThatThrownBy(() -> balance.plus(1_001)).isInstanceOf(IllegalStateException.class);
        }
    }
}
