package org.smartphone.payroll.arrears;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartphone.payroll.arrears.ArrearsAgeing.Arrears;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.period.Period;

/** SPEC 4, arrears after the reconciliation of M: overdue, oldest unpaid period, months past due, bucket, reason. */
class ArrearsAgeingTests {

    /** 12 000 over 12 months from 2026-01: twelve installments of 1 000. */
    private static final InstallmentSchedule TWELVE_OF_1000 =
            InstallmentSchedule.of(12_000, 12, Period.parse("2026-01"), 1);

    private static Period p(String text) {
        return Period.parse(text);
    }

    private static Arrears age(long collected, String period) {
        return ArrearsAgeing.age(new Balance(TWELVE_OF_1000, collected), p(period), null, null)
                .orElseThrow();
    }

    @Nested
    class NothingOverdue {

        @Test
        void aContractUpToDateIsNotInArrears() {
            // scheduled(2026-03) = 3000 = collected → overdue 0
            assertThat(ArrearsAgeing.age(new Balance(TWELVE_OF_1000, 3_000), p("2026-03"), null, null))
                    .isEmpty();
        }

        @Test
        void aContractPaidAheadIsNotInArrears() {
            // max(0, 3000 − 5000) = 0
            assertThat(ArrearsAgeing.age(new Balance(TWELVE_OF_1000, 5_000), p("2026-03"), "OVER", null))
                    .isEmpty();
        }

        @Test
        void aSettledContractIsNotInArrears() {
            assertThat(ArrearsAgeing.age(new Balance(TWELVE_OF_1000, 12_000), p("2027-06"), null, null))
                    .isEmpty();
        }
    }

    @Nested
    class Age {

        @ParameterizedTest(name = "collected {0} in {1}: overdue {2}, oldest {3}, {4} month(s), {5}")
        @CsvSource({
            // scheduled 3000 − 2000 = 1000; 2 installments covered → installment 3 (2026-03); Mar → 1
            "2000, 2026-03, 1000, 2026-03, 1, MONTHS_1",
            // 3000 − 1000 = 2000; installment 2 (2026-02); Feb, Mar → 2
            "1000, 2026-03, 2000, 2026-02, 2, MONTHS_2",
            // 3000 − 1500 = 1500; installment 2 half covered (2026-02); Feb, Mar → 2
            "1500, 2026-03, 1500, 2026-02, 2, MONTHS_2",
            // 3000 − 0 = 3000; installment 1 (2026-01); Jan, Feb, Mar → 3
            "0, 2026-03, 3000, 2026-01, 3, MONTHS_3_PLUS",
            // 7000 − 0 = 7000; 2026-01 .. 2026-07 → 7
            "0, 2026-07, 7000, 2026-01, 7, MONTHS_3_PLUS",
            // past the term: 12000 − 11500 = 500; installment 12 (2026-12); Dec, Jan, Feb, Mar → 4
            "11500, 2027-03, 500, 2026-12, 4, MONTHS_3_PLUS"
        })
        void isCountedFromTheOldestInstallmentNotFullyCovered(
                long collected, String period, long overdue, String oldest, int months, ArrearsBucket bucket) {
            Arrears arrears = age(collected, period);

            assertThat(arrears.overdueXof()).isEqualTo(overdue);
            assertThat(arrears.outstandingXof()).isEqualTo(12_000 - collected);
            assertThat(arrears.oldestUnpaidPeriod()).isEqualTo(p(oldest));
            assertThat(arrears.monthsPastDue()).isEqualTo(months);
            assertThat(arrears.bucket()).isEqualTo(bucket);
        }

        @Test
        void monthsAreCountedAcrossAYearBoundary() {
            // first 2025-11, 1000 a month; in 2026-01 with 1000 collected: overdue 3000 − 1000 = 2000,
            // oldest installment 2 = 2025-12; Dec, Jan → 2
            InstallmentSchedule schedule = InstallmentSchedule.of(12_000, 12, p("2025-11"), 1);

            Arrears arrears = ArrearsAgeing.age(new Balance(schedule, 1_000), p("2026-01"), null, null)
                    .orElseThrow();

            assertThat(arrears.overdueXof()).isEqualTo(2_000);
            assertThat(arrears.oldestUnpaidPeriod()).isEqualTo(p("2025-12"));
            assertThat(arrears.monthsPastDue()).isEqualTo(2);
            assertThat(arrears.bucket()).isEqualTo(ArrearsBucket.MONTHS_2);
        }
    }

    @Nested
    class Buckets {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"1, MONTHS_1", "2, MONTHS_2", "3, MONTHS_3_PLUS", "7, MONTHS_3_PLUS", "60, MONTHS_3_PLUS"})
        void groupMonthsPastDue(int months, ArrearsBucket bucket) {
            assertThat(ArrearsBucket.of(months)).isEqualTo(bucket);
        }

        @Test
        void monthsPastDueStartAtOne() {
            assertThatThrownBy(() -> ArrearsBucket.of(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Reason {

        private String reason(String orderStatus, String exceptionReason) {
            // nothing collected in 2026-03: overdue 3000, so the contract is in arrears
            return ArrearsAgeing.age(new Balance(TWELVE_OF_1000, 0), p("2026-03"), orderStatus, exceptionReason)
                    .orElseThrow()
                    .reason();
        }

        @ParameterizedTest(name = "order row {0}, exception {1} → {2}")
        @CsvSource({
            // NOT_WITHHELD / SHORT status beats the exception reason
            "NOT_WITHHELD, CAPPED, NOT_WITHHELD",
            "SHORT, CAPPED, SHORT",
            "NOT_WITHHELD, , NOT_WITHHELD",
            "SHORT, , SHORT",
            // MATCHED / OVER: the exception reason, if any
            "MATCHED, CAPPED, CAPPED",
            "OVER, CAPPED, CAPPED",
            // no order line (amount 0): the exception reason beats PRIOR_ARREARS
            ", NOT_IN_PAYROLL, NOT_IN_PAYROLL",
            ", EMPLOYEE_SUSPENDED, EMPLOYEE_SUSPENDED",
            ", CAPPED, CAPPED",
            // nothing at all this month
            "MATCHED, , PRIOR_ARREARS",
            "OVER, , PRIOR_ARREARS",
            ", , PRIOR_ARREARS"
        })
        void followsThePrecedenceOfSpec4(String orderStatus, String exceptionReason, String expected) {
            assertThat(reason(orderStatus, exceptionReason)).isEqualTo(expected);
        }
    }
}
