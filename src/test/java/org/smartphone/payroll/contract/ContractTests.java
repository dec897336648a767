package org.smartphone.payroll.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.period.Period;

/** SPEC 2: re-importing a contract with identical parsed values (defaults applied) is a no-op. */
class ContractTests {

    private static final Period MARCH = Period.parse("2026-03");

    private static Contract contract(String ministry, String imei, long price, long down, int term, long base) {
        return new Contract("C-1", "M-1", "Awa Diop", ministry, "Phone X", imei, price, down, term, MARCH, base);
    }

    @Nested
    class SameTerms {

        @Test
        void identicalValuesHaveTheSameTerms() {
            Contract a = contract("MIN-ED", null, 150_000, 0, 12, 12_500);
            Contract b = contract("MIN-ED", null, 150_000, 0, 12, 12_500);

            assertThat(a.sameTermsAs(b)).isTrue();
        }

        @Test
        void theBaseInstallmentIsLeftOutBecauseItComesFromASetting() {
            // 100000 / 12 = 8333 with unit 1; 8300 with unit 100
            Contract unit1 = contract(null, null, 100_000, 0, 12, 8_333);
            Contract unit100 = contract(null, null, 100_000, 0, 12, 8_300);

            assertThat(unit1.sameTermsAs(unit100)).isTrue();
        }

        @Test
        void anyParsedValueThatDiffersIsAConflict() {
            Contract base = contract("MIN-ED", "490154203237518", 150_000, 10_000, 12, 11_666);

            assertThat(base.sameTermsAs(contract("MIN-HE", "490154203237518", 150_000, 10_000, 12, 11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(contract(null, "490154203237518", 150_000, 10_000, 12, 11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(contract("MIN-ED", null, 150_000, 10_000, 12, 11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(contract("MIN-ED", "490154203237518", 150_001, 10_000, 12, 11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(contract("MIN-ED", "490154203237518", 150_000, 0, 12, 11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(contract("MIN-ED", "490154203237518", 150_000, 10_000, 10, 11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(new Contract(
                            "C-1",
                            "M-2",
                            "Awa Diop",
                            "MIN-ED",
                            "Phone X",
                            "490154203237518",
                            150_000,
                            10_000,
                            12,
                            MARCH,
                            11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(new Contract(
                            "C-1",
                            "M-1",
                            "Awa Diop",
                            "MIN-ED",
                            "Phone X",
                            "490154203237518",
                            150_000,
                            10_000,
                            12,
                            MARCH.plusMonths(1),
                            11_666)))
                    .isFalse();
            assertThat(base.sameTermsAs(new Contract(
                            "C-1",
                            "M-1",
                            "Awa DIOP",
                            "MIN-ED",
                            "Phone X",
                            "490154203237518",
                            150_000,
                            10_000,
                            12,
                            MARCH,
                            11_666)))
                    .isFalse();
        }
    }

    @Nested
    class Schedule {

        @Test
        void financedIsPriceMinusDownPayment() {
            // 150000 − 10000 = 140000; base = floor(140000 / 12) = 11666; last = 140000 − 11 × 11666 = 140000 − 128326
            // = 11674
            Contract contract = contract(null, null, 150_000, 10_000, 12, 11_666);

            assertThat(contract.financedXof()).isEqualTo(140_000);
            assertThat(contract.schedule().lastInstallment()).isEqualTo(11_674);
            assertThat(contract.schedule().lastPeriod()).isEqualTo(Period.parse("2027-02"));
        }
    }
}
