package org.smartphone.payroll.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-computed checks of the reference model itself (the arithmetic is written next to each). */
class ReferenceProgrammeTests {

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static RefContract contract(String id, String matricule, long price, int term, String first) {
        return new RefContract(id, matricule, "Name " + id, null, price, 0, term, first);
    }

    private static RefPayrollRow active(String matricule, long netPay) {
        return new RefPayrollRow(matricule, netPay, "ACTIVE", null);
    }

    // =====================================================================================
    // schedules
    // =====================================================================================

    @Nested
    class Schedules {

        @Test
        void publishedCheck_1250_over_4_installments() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 1_250, 4, "2026-01")));
            // base = floor(1250 / 4 / 1) × 1 = floor(312.5) = 312; last = 1250 − 312 × 3 = 1250 − 936 = 314
            assertThat(ref.installments("C1")).containsExactly(312L, 312L, 312L, 314L);
            // scheduled: Jan 312, Feb 624, Mar 936, Apr 1250, and stays 1250 afterwards
            assertThat(ref.scheduled("C1", "2025-12")).isZero();
            assertThat(ref.scheduled("C1", "2026-01")).isEqualTo(312);
            assertThat(ref.scheduled("C1", "2026-03")).isEqualTo(936);
            assertThat(ref.scheduled("C1", "2026-04")).isEqualTo(1_250);
            assertThat(ref.scheduled("C1", "2027-09")).isEqualTo(1_250);
        }

        @Test
        void roundingUnit100() {
            ReferenceProgramme ref = new ReferenceProgramme(1, 3, 100, "SMARTPHONE");
            ref.importContracts(List.of(contract("C1", "M1", 100_000, 12, "2026-01")));
            // 100 000 / 12 = 8 333 (floor); 8 333 / 100 = 83 (floor); base = 83 × 100 = 8 300
            // last = 100 000 − 8 300 × 11 = 100 000 − 91 300 = 8 700
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                expected.add(8_300L);
            }
            expected.add(8_700L);
            assertThat(ref.installments("C1")).isEqualTo(expected);
        }

        @Test
        void downPaymentIsNotFinanced() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(new RefContract("C1", "M1", "A", null, 150_000, 30_001, 12, "2026-01")));
            // financed = 150 000 − 30 001 = 119 999; base = floor(119 999 / 12) = 9 999 (12 × 9 999 = 119 988)
            // last = 119 999 − 9 999 × 11 = 119 999 − 109 989 = 10 010
            assertThat(ref.financed("C1")).isEqualTo(119_999);
            assertThat(ref.installments("C1").get(0)).isEqualTo(9_999);
            assertThat(ref.installments("C1").get(11)).isEqualTo(10_010);
        }

        @Test
        void scheduleIsFixedWithTheRoundingUnitInForceAtImport() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 100_000, 12, "2026-01")));
            ref.setRoundingUnit(100);
            ref.importContracts(List.of(contract("C2", "M2", 100_000, 12, "2026-01")));
            // C1 with u = 1: base = 8 333, last = 100 000 − 8 333 × 11 = 100 000 − 91 663 = 8 337
            assertThat(ref.installments("C1").get(0)).isEqualTo(8_333);
            assertThat(ref.installments("C1").get(11)).isEqualTo(8_337);
            // C2 with u = 100: 8 300 … 8 700
            assertThat(ref.installments("C2").get(0)).isEqualTo(8_300);
            assertThat(ref.installments("C2").get(11)).isEqualTo(8_700);
            // re-importing C1 unchanged is a no-op: its schedule stays the u = 1 one
            ref.importContracts(List.of(contract("C1", "M1", 100_000, 12, "2026-01")));
            assertThat(ref.installments("C1").get(0)).isEqualTo(8_333);
        }

        @Test
        void termOfOneMonth() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 45_000, 1, "2026-01")));
            // base = 45 000; no installments before the last; last = 45 000 − 45 000 × 0 = 45 000
            assertThat(ref.installments("C1")).containsExactly(45_000L);
        }

        @Test
        void invalidContractsAreRefusedAndNothingIsImported() {
            ReferenceProgramme ref = new ReferenceProgramme(1, 3, 100, "SMARTPHONE");
            // financed 1 100 < term × u = 12 × 100 = 1 200
            assertThatThrownBy(() -> ref.importContracts(List.of(contract("C1", "M1", 1_100, 12, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            // financed = 1 200 = 12 × 100 is accepted: base = floor(1200/12/100) × 100 = 100, last = 1200 − 1100 = 100
            ref.importContracts(List.of(contract("C2", "M1", 1_200, 12, "2026-01")));
            assertThat(ref.installments("C2")).containsOnly(100L);
            // financed 0
            assertThatThrownBy(() -> ref.importContracts(
                            List.of(new RefContract("C3", "M1", "A", null, 50_000, 50_000, 12, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            // terms 0 and 61
            assertThatThrownBy(() -> ref.importContracts(List.of(contract("C4", "M1", 100_000, 0, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ref.importContracts(List.of(contract("C5", "M1", 100_000, 61, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            // same contract_id twice in one batch, even identical
            assertThatThrownBy(() -> ref.importContracts(List.of(
                            contract("C6", "M1", 100_000, 12, "2026-01"),
                            contract("C6", "M1", 100_000, 12, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            // conflict with an imported contract
            assertThatThrownBy(() -> ref.importContracts(List.of(contract("C2", "M1", 1_300, 12, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            // all or nothing: the valid C7 of a batch with an invalid line is not imported either
            assertThatThrownBy(() -> ref.importContracts(List.of(
                            contract("C7", "M1", 100_000, 12, "2026-01"),
                            contract("C8", "M1", 100_000, 99, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ref.contractIds()).containsExactly("C2");
        }

        @Test
        void firstPeriodMustBeAfterTheLastDeductedPeriod() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
            ref.deduct("2026-01", List.of(active("M1", 300_000)));
            assertThatThrownBy(() -> ref.importContracts(List.of(contract("C2", "M1", 12_000, 12, "2026-01"))))
                    .isInstanceOf(IllegalArgumentException.class);
            ref.importContracts(List.of(contract("C2", "M1", 12_000, 12, "2026-02")));
            // an identical re-import of C1 stays a no-op even though its first period is now past
            ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
            assertThat(ref.contractIds()).containsExactlyInAnyOrder("C1", "C2");
        }

        static LongStream seeds() {
            return LongStream.range(0, 50);
        }

        @ParameterizedTest
        @MethodSource("seeds")
        void installmentsAlwaysAddUpToFinanced(long seed) {
            Random rnd = new Random(seed);
            long[] units = {1, 5, 25, 100, 500, 1_000};
            for (int n = 0; n < 200; n++) {
                int term = 1 + rnd.nextInt(60);
                long unit = units[rnd.nextInt(units.length)];
                long financed = term * unit + rnd.nextInt(2_000_000); // ≥ term × u
                long[] inst = ReferenceProgramme.installments(financed, term, unit);
                long sum = 0;
                for (long i : inst) {
                    sum += i;
                }
                assertThat(sum)
                        .as("financed %d term %d u %d", financed, term, unit)
                        .isEqualTo(financed);
                assertThat(inst).hasSize(term);
                if (term == 1) {
                    continue; // a single installment is the whole financed amount
                }
                long base = inst[0];
                assertThat(base % unit).isZero();
                assertThat(base).isPositive();
                for (int i = 0; i < term - 1; i++) {
                    assertThat(inst[i]).isEqualTo(base);
                }
                // the last carries the remainder: 0 ≤ last − base < term × u
                assertThat(inst[term - 1] - base).isBetween(0L, term * unit - 1);
            }
        }
    }

    // =====================================================================================
    // deduction run
    // =====================================================================================

    @Nested
    class Deduction {

        @Test
        void contractsOfOneMatriculeShareTheCapInFirstPeriodThenContractIdOrder() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(
                    // imported in this order on purpose; CT-A sorts first by id but starts later
                    contract("CT-A", "M1", 36_000, 12, "2026-02"), // 3 000 / month
                    contract("CT-C", "M1", 60_000, 12, "2026-01"), // 5 000 / month
                    contract("CT-B", "M1", 120_000, 12, "2026-01"))); // 10 000 / month

            // January: capacity floor(60 000 / 3) = 20 000; B 10 000, C 5 000, A not started
            RefDeductionResult jan = ref.deduct("2026-01", List.of(active("M1", 60_000)));
            assertThat(jan.deductions())
                    .containsExactly(
                            row("2026-01", "M1", "CT-B", "Name CT-B", "SMARTPHONE", "10000"),
                            row("2026-01", "M1", "CT-C", "Name CT-C", "SMARTPHONE", "5000"));
            assertThat(jan.exceptions()).isEmpty();
            ref.reconcile(
                    "2026-01", List.of(new RefReturnRow("CT-B", "M1", 10_000), new RefReturnRow("CT-C", "M1", 5_000)));

            // February: capacity floor(40 000 / 3) = floor(13 333.3) = 13 333
            // served (2026-01, CT-B), (2026-01, CT-C), (2026-02, CT-A):
            // CT-B due 10 000 → 10 000, left 3 333; CT-C due 5 000 → 3 333, left 0 (short 1 667); CT-A due 3 000 → 0
            RefDeductionResult feb = ref.deduct("2026-02", List.of(active("M1", 40_000)));
            assertThat(feb.deductions())
                    .containsExactly(
                            row("2026-02", "M1", "CT-B", "Name CT-B", "SMARTPHONE", "10000"),
                            row("2026-02", "M1", "CT-C", "Name CT-C", "SMARTPHONE", "3333"));
            assertThat(feb.exceptions())
                    .containsExactly(
                            row("2026-02", "M1", "CT-A", "Name CT-A", "3000", "0", "3000", "CAPPED"),
                            row("2026-02", "M1", "CT-C", "Name CT-C", "5000", "3333", "1667", "CAPPED"));
            assertThat(feb.totalInstructedXof()).isEqualTo(13_333);
        }

        @Test
        void everyExceptionReason() {
            ReferenceProgramme ref = new ReferenceProgramme();
            List<RefContract> contracts = new ArrayList<>();
            String[] matricules = {
                "M-ABSENT", "M-SUSP", "M-LEFT", "M-RET", "M-DEAD", "M-ZERO", "M-NEG", "M-POOR", "M-OK"
            };
            for (int i = 0; i < matricules.length; i++) {
                // 60 000 over 12 = 5 000 / month
                contracts.add(contract("C" + (i + 1), matricules[i], 60_000, 12, "2026-01"));
            }
            ref.importContracts(contracts);
            RefDeductionResult jan = ref.deduct(
                    "2026-01",
                    List.of(
                            new RefPayrollRow("M-SUSP", 200_000, "SUSPENDED", null),
                            new RefPayrollRow("M-LEFT", 200_000, "LEFT", null),
                            new RefPayrollRow("M-RET", 200_000, "RETIRED", null),
                            new RefPayrollRow("M-DEAD", 200_000, "DECEASED", null),
                            active("M-ZERO", 0), // capacity 0
                            active("M-NEG", -12_000), // capacity 0
                            active("M-POOR", 3_000), // capacity floor(3 000 / 3) = 1 000 < 5 000
                            active("M-OK", 15_000), // capacity floor(15 000 / 3) = 5 000 = due: no exception
                            active("NOBODY", 1_000_000), // no contract: read and ignored
                            active("NOBODY", 5))); // duplicates among people without a contract do not matter
            assertThat(jan.deductions())
                    .containsExactly(
                            row("2026-01", "M-POOR", "C8", "Name C8", "SMARTPHONE", "1000"),
                            row("2026-01", "M-OK", "C9", "Name C9", "SMARTPHONE", "5000"));
            assertThat(jan.exceptions())
                    .containsExactly(
                            row("2026-01", "M-ABSENT", "C1", "Name C1", "5000", "0", "5000", "NOT_IN_PAYROLL"),
                            row("2026-01", "M-SUSP", "C2", "Name C2", "5000", "0", "5000", "EMPLOYEE_SUSPENDED"),
                            row("2026-01", "M-LEFT", "C3", "Name C3", "5000", "0", "5000", "EMPLOYEE_LEFT"),
                            row("2026-01", "M-RET", "C4", "Name C4", "5000", "0", "5000", "EMPLOYEE_RETIRED"),
                            row("2026-01", "M-DEAD", "C5", "Name C5", "5000", "0", "5000", "EMPLOYEE_DECEASED"),
                            row("2026-01", "M-ZERO", "C6", "Name C6", "5000", "0", "5000", "CAPPED"),
                            row("2026-01", "M-NEG", "C7", "Name C7", "5000", "0", "5000", "CAPPED"),
                            row("2026-01", "M-POOR", "C8", "Name C8", "5000", "1000", "4000", "CAPPED"));
        }

        @Test
        void capRatioAndDeductionCodeSettings() {
            ReferenceProgramme ref = new ReferenceProgramme(2, 5, 1, "SMART-TG");
            ref.importContracts(List.of(contract("C1", "M1", 120_000, 12, "2026-01"))); // 10 000 / month
            // capacity = floor(10 001 × 2 / 5) = floor(4 000.4) = 4 000; shortfall 10 000 − 4 000 = 6 000
            RefDeductionResult jan = ref.deduct("2026-01", List.of(active("M1", 10_001)));
            assertThat(jan.deductions()).containsExactly(row("2026-01", "M1", "C1", "Name C1", "SMART-TG", "4000"));
            assertThat(jan.exceptions())
                    .containsExactly(row("2026-01", "M1", "C1", "Name C1", "10000", "4000", "6000", "CAPPED"));
        }

        @Test
        void contractsNotStartedOrWithNothingDueGetNoLine() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(
                    contract("C1", "M1", 24_000, 12, "2026-01"), // 2 000 / month
                    contract("C2", "M1", 24_000, 12, "2026-03")));
            ref.deduct("2026-01", List.of(active("M1", 300_000)));
            // prepayment: 2 000 expected, 6 000 withheld → collected 6 000 ≥ scheduled until March (6 000)
            ref.reconcile("2026-01", List.of(new RefReturnRow("C1", "M1", 6_000)));
            // February: C1 due = max(0, 4 000 − 6 000) = 0 → no line; C2 starts in March → no line
            RefDeductionResult feb = ref.deduct("2026-02", List.of()); // even absent from payroll
            assertThat(feb.deductions()).isEmpty();
            assertThat(feb.exceptions()).isEmpty();
            RefReconciliationResult febRec = ref.reconcile("2026-02", List.of());
            assertThat(febRec.reconciliation()).isEmpty();
            assertThat(febRec.arrears()).isEmpty();
        }

        @Test
        void runsAreRefusedOutOfOrder() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
            assertThatThrownBy(() -> ref.reconcile("2026-01", List.of())).isInstanceOf(IllegalStateException.class);
            ref.deduct("2026-03", List.of(active("M1", 300_000))); // any month for the very first run
            assertThatThrownBy(() -> ref.deduct("2026-03", List.of())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ref.deduct("2026-04", List.of())).isInstanceOf(IllegalStateException.class);
            ref.reconcile("2026-03", List.of(new RefReturnRow("C1", "M1", 3_000)));
            assertThatThrownBy(() -> ref.reconcile("2026-03", List.of())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ref.deduct("2026-05", List.of())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ref.deduct("2026-02", List.of())).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ref.reconcile("2026-04", List.of())).isInstanceOf(IllegalStateException.class);
            ref.deduct("2026-04", List.of(active("M1", 300_000)));
            assertThat(ref.lastDeductedPeriod()).contains("2026-04");
            // collected 3 000 = scheduled(March) = 3 × 1 000; April due = 4 000 − 3 000 = 1 000
            assertThat(ref.due("C1", "2026-04")).isEqualTo(1_000);
        }

        @Test
        void aContractHolderTwiceInTheRegisterIsOutsideTheModel() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
            assertThatThrownBy(() -> ref.deduct("2026-01", List.of(active("M1", 1), active("M1", 2))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ref.lastDeductedPeriod()).isEmpty();
        }
    }

    // =====================================================================================
    // reconciliation run
    // =====================================================================================

    @Nested
    class Reconciliation {

        @Test
        void everyStatus() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(
                    contract("CT-1", "M01", 60_000, 12, "2026-01"), // 5 000 / month
                    contract("CT-2", "M02", 60_000, 12, "2026-01"),
                    contract("CT-3", "M03", 60_000, 12, "2026-01"),
                    contract("CT-4", "M04", 60_000, 12, "2026-01"),
                    contract("CT-5", "M05", 60_000, 12, "2026-01"),
                    contract("CT-6", "M06", 6_000, 2, "2026-01"), // 3 000, 3 000
                    contract("CT-7", "M07", 60_000, 12, "2026-03"), // not started: no order line
                    contract("CT-8", "M08", 60_000, 12, "2026-01")));
            List<RefPayrollRow> register = new ArrayList<>();
            for (String m : List.of("M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08")) {
                register.add(new RefPayrollRow(m, 300_000, "ACTIVE", "MEF"));
            }
            RefDeductionResult jan = ref.deduct("2026-01", register);
            assertThat(jan.deductions())
                    .extracting(r -> r.get(2) + "=" + r.get(5))
                    .containsExactly(
                            "CT-1=5000", "CT-2=5000", "CT-3=5000", "CT-4=5000", "CT-5=5000", "CT-6=3000", "CT-8=5000");

            RefReconciliationResult rec = ref.reconcile(
                    "2026-01",
                    List.of(
                            new RefReturnRow("CT-8", "A-WRONG", 5_000), // matricule does not match: UNEXPECTED
                            new RefReturnRow("CT-999", "M99", 1_500), // unknown contract: UNEXPECTED
                            new RefReturnRow("CT-998", "M98", 0), // UNEXPECTED with 0: ignored
                            new RefReturnRow("CT-7", "M07", 700), // no order line: UNEXPECTED
                            new RefReturnRow("CT-1", "M01", 5_000), // MATCHED
                            // CT-2 absent → NOT_WITHHELD
                            new RefReturnRow("CT-3", "M03", 0), // NOT_WITHHELD
                            new RefReturnRow("CT-4", "M04", 2_000), // SHORT
                            new RefReturnRow("CT-5", "M05", 8_000), // OVER within the balance: prepayment
                            new RefReturnRow("CT-6", "M06", 10_000))); // OVER beyond the balance of 6 000
            assertThat(rec.reconciliation())
                    .containsExactly(
                            // period, matricule, contract, expected, withheld, difference = w − e, posted, refund,
                            // status
                            row("2026-01", "M01", "CT-1", "5000", "5000", "0", "5000", "0", "MATCHED"),
                            row("2026-01", "M02", "CT-2", "5000", "0", "-5000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M03", "CT-3", "5000", "0", "-5000", "0", "0", "NOT_WITHHELD"),
                            // 2 000 − 5 000 = −3 000; posted min(2 000, 60 000) = 2 000
                            row("2026-01", "M04", "CT-4", "5000", "2000", "-3000", "2000", "0", "SHORT"),
                            // 8 000 − 5 000 = 3 000; posted min(8 000, 60 000) = 8 000, refund 0
                            row("2026-01", "M05", "CT-5", "5000", "8000", "3000", "8000", "0", "OVER"),
                            // 10 000 − 3 000 = 7 000; posted min(10 000, 6 000) = 6 000; refund 10 000 − 6 000 = 4 000
                            row("2026-01", "M06", "CT-6", "3000", "10000", "7000", "6000", "4000", "OVER"),
                            row("2026-01", "M07", "CT-7", "0", "700", "700", "0", "700", "UNEXPECTED"),
                            // two rows for CT-8, by matricule: "A-WRONG" < "M08"
                            row("2026-01", "A-WRONG", "CT-8", "0", "5000", "5000", "0", "5000", "UNEXPECTED"),
                            row("2026-01", "M08", "CT-8", "5000", "0", "-5000", "0", "0", "NOT_WITHHELD"),
                            row("2026-01", "M99", "CT-999", "0", "1500", "1500", "0", "1500", "UNEXPECTED"));
            // posted 5 000 + 2 000 + 8 000 + 6 000 = 21 000; refunds 4 000 + 700 + 5 000 + 1 500 = 11 200
            assertThat(rec.totalPostedXof()).isEqualTo(21_000);
            assertThat(rec.totalRefundDueXof()).isEqualTo(11_200);
            assertThat(ref.collected("CT-1")).isEqualTo(5_000);
            assertThat(ref.collected("CT-2")).isZero();
            assertThat(ref.collected("CT-4")).isEqualTo(2_000);
            assertThat(ref.collected("CT-5")).isEqualTo(8_000);
            assertThat(ref.outstanding("CT-6")).isZero();
            assertThat(ref.isSettled("CT-6")).isTrue();
            assertThat(ref.settledIn("CT-6")).contains("2026-01");
            assertThat(ref.collected("CT-7")).isZero();
            assertThat(ref.collected("CT-8")).isZero();

            // arrears after January: overdue = scheduled(Jan) − collected
            assertThat(rec.arrears())
                    .containsExactly(
                            // CT-2: 5 000 − 0 = 5 000; outstanding 60 000; oldest Jan; 1 month
                            row(
                                    "2026-01",
                                    "M02",
                                    "CT-2",
                                    "Name CT-2",
                                    "MEF",
                                    "5000",
                                    "60000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_WITHHELD"),
                            row(
                                    "2026-01",
                                    "M03",
                                    "CT-3",
                                    "Name CT-3",
                                    "MEF",
                                    "5000",
                                    "60000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_WITHHELD"),
                            // CT-4: 5 000 − 2 000 = 3 000; outstanding 58 000
                            row(
                                    "2026-01",
                                    "M04",
                                    "CT-4",
                                    "Name CT-4",
                                    "MEF",
                                    "3000",
                                    "58000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "SHORT"),
                            row(
                                    "2026-01",
                                    "M08",
                                    "CT-8",
                                    "Name CT-8",
                                    "MEF",
                                    "5000",
                                    "60000",
                                    "2026-01",
                                    "1",
                                    "MONTHS_1",
                                    "NOT_WITHHELD"));

            // February: the prepayment lowers CT-5's due: scheduled(Feb) 10 000 − 8 000 = 2 000;
            // CT-6 is settled: no line; CT-4: 10 000 − 2 000 = 8 000; CT-2: 10 000 − 0 = 10 000
            RefDeductionResult feb = ref.deduct("2026-02", register);
            assertThat(feb.deductions())
                    .extracting(r -> r.get(2) + "=" + r.get(5))
                    .containsExactly("CT-1=5000", "CT-2=10000", "CT-3=10000", "CT-4=8000", "CT-5=2000", "CT-8=10000");
        }

        @Test
        void aContractTwiceInTheReturnIsOutsideTheModel() {
            ReferenceProgramme ref = new ReferenceProgramme();
            ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
            ref.deduct("2026-01", List.of(active("M1", 300_000)));
            assertThatThrownBy(() -> ref.reconcile(
                            "2026-01",
                            List.of(new RefReturnRow("C1", "M1", 1_000), new RefReturnRow("C1", "M1", 1_000))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ref.isReconciled("2026-01")).isFalse();
            assertThat(ref.collected("C1")).isZero();
        }
    }

    // =====================================================================================
    // arrears ageing, term extension, settling
    // =====================================================================================

    @Test
    void arrearsAgeingThenRunningPastTheTermThenSettling() {
        ReferenceProgramme ref = new ReferenceProgramme();
        // 40 000 over 4 = 10 000 (Jan, Feb, Mar, Apr)
        ref.importContracts(List.of(new RefContract("C1", "M1", "Kossi Agbéko", "MEF", 40_000, 0, 4, "2026-01")));

        // January: absent from payroll → NOT_IN_PAYROLL; nothing withheld
        RefDeductionResult jan = ref.deduct("2026-01", List.of(new RefPayrollRow("OTHER", 100_000, "ACTIVE", "MTP")));
        assertThat(jan.exceptions())
                .containsExactly(row("2026-01", "M1", "C1", "Kossi Agbéko", "10000", "0", "10000", "NOT_IN_PAYROLL"));
        RefReconciliationResult janRec = ref.reconcile("2026-01", List.of());
        assertThat(janRec.reconciliation()).isEmpty();
        // overdue 10 000 − 0; never in a register: the contract's ministry MEF
        assertThat(janRec.arrears())
                .containsExactly(row(
                        "2026-01",
                        "M1",
                        "C1",
                        "Kossi Agbéko",
                        "MEF",
                        "10000",
                        "40000",
                        "2026-01",
                        "1",
                        "MONTHS_1",
                        "NOT_IN_PAYROLL"));

        // February: due 20 000; capacity floor(18 000 / 3) = 6 000 → 6 000, CAPPED (shortfall 14 000); withheld 6 000
        ref.deduct("2026-02", List.of(new RefPayrollRow("M1", 18_000, "ACTIVE", "MSHP")));
        RefReconciliationResult febRec = ref.reconcile("2026-02", List.of(new RefReturnRow("C1", "M1", 6_000)));
        assertThat(febRec.reconciliation())
                .containsExactly(row("2026-02", "M1", "C1", "6000", "6000", "0", "6000", "0", "MATCHED"));
        // overdue 20 000 − 6 000 = 14 000; outstanding 34 000; installment 1 (10 000) not covered by 6 000 → Jan;
        // Jan..Feb = 2 months; MATCHED line, so the exception reason CAPPED; ministry from the register: MSHP
        assertThat(febRec.arrears())
                .containsExactly(row(
                        "2026-02",
                        "M1",
                        "C1",
                        "Kossi Agbéko",
                        "MSHP",
                        "14000",
                        "34000",
                        "2026-01",
                        "2",
                        "MONTHS_2",
                        "CAPPED"));

        // March: due 30 000 − 6 000 = 24 000 (capacity 100 000); only 4 000 withheld → SHORT; register ministry blank
        ref.deduct("2026-03", List.of(new RefPayrollRow("M1", 300_000, "ACTIVE", " ")));
        RefReconciliationResult marRec = ref.reconcile("2026-03", List.of(new RefReturnRow("C1", "M1", 4_000)));
        assertThat(marRec.reconciliation())
                .containsExactly(row("2026-03", "M1", "C1", "24000", "4000", "-20000", "4000", "0", "SHORT"));
        // collected 10 000 covers installment 1 exactly → oldest Feb; overdue 30 000 − 10 000 = 20 000;
        // Feb..Mar = 2; blank ministry ignored: still MSHP
        assertThat(marRec.arrears())
                .containsExactly(row(
                        "2026-03",
                        "M1",
                        "C1",
                        "Kossi Agbéko",
                        "MSHP",
                        "20000",
                        "30000",
                        "2026-02",
                        "2",
                        "MONTHS_2",
                        "SHORT"));

        // April (last installment): suspended → 0 instructed; due 40 000 − 10 000 = 30 000
        RefDeductionResult apr =
                ref.deduct("2026-04", List.of(new RefPayrollRow("M1", 300_000, "SUSPENDED", "MEPSTA")));
        assertThat(apr.exceptions())
                .containsExactly(
                        row("2026-04", "M1", "C1", "Kossi Agbéko", "30000", "0", "30000", "EMPLOYEE_SUSPENDED"));
        RefReconciliationResult aprRec = ref.reconcile("2026-04", List.of());
        // oldest Feb; Feb..Apr = 3 months → MONTHS_3_PLUS; ministry of the (valid, suspended) row: MEPSTA
        assertThat(aprRec.arrears())
                .containsExactly(row(
                        "2026-04",
                        "M1",
                        "C1",
                        "Kossi Agbéko",
                        "MEPSTA",
                        "30000",
                        "30000",
                        "2026-02",
                        "3",
                        "MONTHS_3_PLUS",
                        "EMPLOYEE_SUSPENDED"));

        // May, past the term: scheduled stays 40 000; due 30 000; capacity floor(60 000 / 3) = 20 000 → CAPPED
        RefDeductionResult may = ref.deduct("2026-05", List.of(new RefPayrollRow("M1", 60_000, "ACTIVE", null)));
        assertThat(may.deductions()).containsExactly(row("2026-05", "M1", "C1", "Kossi Agbéko", "SMARTPHONE", "20000"));
        assertThat(may.exceptions())
                .containsExactly(row("2026-05", "M1", "C1", "Kossi Agbéko", "30000", "20000", "10000", "CAPPED"));
        RefReconciliationResult mayRec = ref.reconcile("2026-05", List.of(new RefReturnRow("C1", "M1", 20_000)));
        // collected 30 000 covers installments 1–3 → oldest Apr; Apr..May = 2; overdue = outstanding = 10 000
        assertThat(mayRec.arrears())
                .containsExactly(row(
                        "2026-05",
                        "M1",
                        "C1",
                        "Kossi Agbéko",
                        "MEPSTA",
                        "10000",
                        "10000",
                        "2026-04",
                        "2",
                        "MONTHS_2",
                        "CAPPED"));

        // June: due 10 000 with capacity 200 000; withheld 10 000 → SETTLED in June, no arrears
        RefDeductionResult jun = ref.deduct("2026-06", List.of(new RefPayrollRow("M1", 600_000, "ACTIVE", "MAEP")));
        assertThat(jun.deductions()).containsExactly(row("2026-06", "M1", "C1", "Kossi Agbéko", "SMARTPHONE", "10000"));
        RefReconciliationResult junRec = ref.reconcile("2026-06", List.of(new RefReturnRow("C1", "M1", 10_000)));
        assertThat(junRec.reconciliation())
                .containsExactly(row("2026-06", "M1", "C1", "10000", "10000", "0", "10000", "0", "MATCHED"));
        assertThat(junRec.arrears()).isEmpty();
        assertThat(ref.collected("C1")).isEqualTo(40_000);
        assertThat(ref.settledIn("C1")).contains("2026-06");

        // July: a settled contract gets no line anywhere; a return line for it is UNEXPECTED
        RefDeductionResult jul = ref.deduct("2026-07", List.of(new RefPayrollRow("M1", 600_000, "ACTIVE", "MAEP")));
        assertThat(jul.deductions()).isEmpty();
        assertThat(jul.exceptions()).isEmpty();
        RefReconciliationResult julRec = ref.reconcile("2026-07", List.of(new RefReturnRow("C1", "M1", 10_000)));
        assertThat(julRec.reconciliation())
                .containsExactly(row("2026-07", "M1", "C1", "0", "10000", "10000", "0", "10000", "UNEXPECTED"));
        assertThat(ref.collected("C1")).isEqualTo(40_000);
    }

    @Test
    void ministryCodeIsOnlyTakenFromRegistersReadWhileTheMatriculeHeldAContract() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(new RefContract("C1", "M1", "A", null, 12_000, 0, 12, "2026-03")));
        // January: M1 already holds (not yet started) C1 → MSPC is remembered
        ref.deduct(
                "2026-01",
                List.of(
                        new RefPayrollRow("M1", 100_000, "ACTIVE", "MSPC"),
                        new RefPayrollRow("M2", 100_000, "ACTIVE", "MFPTDS")));
        ref.reconcile("2026-01", List.of());
        // February: a new contract C2 for M2, who appeared in January without a contract (ignored)
        ref.importContracts(List.of(new RefContract("C2", "M2", "B", "MTP", 12_000, 0, 12, "2026-03")));
        ref.deduct("2026-02", List.of());
        ref.reconcile("2026-02", List.of());
        // March: both absent: NOT_IN_PAYROLL, 1 000 overdue each
        ref.deduct("2026-03", List.of());
        RefReconciliationResult mar = ref.reconcile("2026-03", List.of());
        assertThat(mar.arrears())
                .containsExactly(
                        row(
                                "2026-03",
                                "M1",
                                "C1",
                                "A",
                                "MSPC",
                                "1000",
                                "12000",
                                "2026-03",
                                "1",
                                "MONTHS_1",
                                "NOT_IN_PAYROLL"),
                        row(
                                "2026-03",
                                "M2",
                                "C2",
                                "B",
                                "MTP",
                                "1000",
                                "12000",
                                "2026-03",
                                "1",
                                "MONTHS_1",
                                "NOT_IN_PAYROLL"));
        // and blank when neither the registers nor the contract give one
        ReferenceProgramme other = new ReferenceProgramme();
        other.importContracts(List.of(new RefContract("C9", "M9", "C", null, 12_000, 0, 12, "2026-01")));
        other.deduct("2026-01", List.of(new RefPayrollRow("M9", 100_000, "LEFT", null)));
        assertThat(other.reconcile("2026-01", List.of()).arrears())
                .containsExactly(row(
                        "2026-01", "M9", "C9", "C", "", "1000", "12000", "2026-01", "1", "MONTHS_1", "EMPLOYEE_LEFT"));
    }

    // =====================================================================================
    // output text
    // =====================================================================================

    @Test
    void spreadsheetNeutralisationAndLineBreaks() {
        assertThat(ReferenceProgramme.neutralise("=Afi Dzifa")).isEqualTo("'=Afi Dzifa");
        assertThat(ReferenceProgramme.neutralise("+228 Kossi")).isEqualTo("'+228 Kossi");
        assertThat(ReferenceProgramme.neutralise("-MEF")).isEqualTo("'-MEF");
        assertThat(ReferenceProgramme.neutralise("@Ama")).isEqualTo("'@Ama");
        assertThat(ReferenceProgramme.neutralise("Lawson, Kafui")).isEqualTo("Lawson, Kafui");
        assertThat(ReferenceProgramme.neutralise("Ama\nLawson")).isEqualTo("Ama Lawson");
        assertThat(ReferenceProgramme.neutralise("Ama\r\nLawson\tX\rY")).isEqualTo("Ama Lawson X Y");
        // replacement first, then the check: a leading tab has become a space, so no prefix
        assertThat(ReferenceProgramme.neutralise("\tAma")).isEqualTo(" Ama");
        assertThat(ReferenceProgramme.neutralise("A=B")).isEqualTo("A=B");
        assertThat(ReferenceProgramme.neutralise(null)).isEqualTo("");

        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(
                List.of(new RefContract("C1", "M1", "=HYPERLINK(\"x\")", "-MEF", 12_000, 0, 12, "2026-01")));
        RefDeductionResult jan = ref.deduct("2026-01", List.of());
        assertThat(jan.exceptions())
                .containsExactly(
                        row("2026-01", "M1", "C1", "'=HYPERLINK(\"x\")", "1000", "0", "1000", "NOT_IN_PAYROLL"));
        assertThat(ref.reconcile("2026-01", List.of()).arrears())
                .containsExactly(row(
                        "2026-01",
                        "M1",
                        "C1",
                        "'=HYPERLINK(\"x\")",
                        "'-MEF",
                        "1000",
                        "12000",
                        "2026-01",
                        "1",
                        "MONTHS_1",
                        "NOT_IN_PAYROLL"));
    }

    @Test
    void rowsAreOrderedByContractIdThenMatriculeByCodePoint() {
        ReferenceProgramme ref = new ReferenceProgramme();
        // code points: '-' (45) < '.' (46) < '/' (47) < '0' (48) < 'A' (65) < '_' (95)
        ref.importContracts(List.of(
                contract("C_1", "M1", 12_000, 12, "2026-01"),
                contract("CA", "M2", 12_000, 12, "2026-01"),
                contract("C0", "M3", 12_000, 12, "2026-01"),
                contract("C/", "M4", 12_000, 12, "2026-01"),
                contract("C.", "M5", 12_000, 12, "2026-01"),
                contract("C-", "M6", 12_000, 12, "2026-01")));
        RefDeductionResult jan = ref.deduct("2026-01", List.of());
        assertThat(jan.exceptions()).extracting(r -> r.get(2)).containsExactly("C-", "C.", "C/", "C0", "CA", "C_1");
    }

    @Test
    void headers() {
        assertThat(ReferenceProgramme.header("deductions"))
                .containsExactly("period", "matricule", "contract_id", "full_name", "deduction_code", "amount_xof");
        assertThat(ReferenceProgramme.header("deduction-exceptions"))
                .containsExactly(
                        "period",
                        "matricule",
                        "contract_id",
                        "full_name",
                        "due_xof",
                        "amount_xof",
                        "shortfall_xof",
                        "reason");
        assertThat(ReferenceProgramme.header("reconciliation-2026-01.csv"))
                .containsExactly(
                        "period",
                        "matricule",
                        "contract_id",
                        "expected_xof",
                        "withheld_xof",
                        "difference_xof",
                        "posted_xof",
                        "refund_due_xof",
                        "status");
        assertThat(ReferenceProgramme.header("arrears"))
                .containsExactly(
                        "period",
                        "matricule",
                        "contract_id",
                        "full_name",
                        "ministry_code",
                        "overdue_xof",
                        "outstanding_xof",
                        "oldest_unpaid_period",
                        "months_past_due",
                        "bucket",
                        "reason");
        assertThatThrownBy(() -> ReferenceProgramme.header("report")).isInstanceOf(IllegalArgumentException.class);
    }
}
