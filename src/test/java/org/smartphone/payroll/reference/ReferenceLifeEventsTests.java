package org.smartphone.payroll.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked checks of the reference model's SPEC 7.0-7.2: the credit rule, the open period,
 * counter payments, stops and the amount in force, refund items and refunds issued, confirmed
 * and released. The arithmetic is written next to each figure.
 */
class ReferenceLifeEventsTests {

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static RefContract contract(String id, String matricule, long financed, int term, String first) {
        return new RefContract(id, matricule, "Name " + id, null, financed, 0, term, first);
    }

    private static RefPayrollRow active(String matricule) {
        return new RefPayrollRow(matricule, 300_000, "ACTIVE", null);
    }

    private static RefPayment payment(String channel, String ref, String contract, long amount, String on) {
        return new RefPayment(channel, ref, contract, amount, LocalDate.parse(on), null);
    }

    @Nested
    class CreditRule {

        @Test
        void openContractsTakeUpToTheirOutstandingAndSettleAtZero() {
            // outstanding 5 000: 3 000 → posted 3 000; 5 000 → posted 5 000, settles; 8 000 → 5 000 + 3 000 back
            assertThat(RefCredit.of("OPEN", 5_000, 0, 0, 3_000)).isEqualTo(new RefCredit(3_000, 0, false));
            assertThat(RefCredit.of("OPEN", 5_000, 0, 0, 5_000)).isEqualTo(new RefCredit(5_000, 0, true));
            assertThat(RefCredit.of("OPEN", 5_000, 0, 0, 8_000)).isEqualTo(new RefCredit(5_000, 3_000, true));
        }

        @Test
        void writtenOffContractsRecoverUpToWhatWasWrittenOff() {
            // written_off 10 000, recovered 4 000: room 6 000; 7 000 → 6 000 recovered, 1 000 back
            assertThat(RefCredit.of("WRITTEN_OFF", 0, 10_000, 4_000, 7_000))
                    .isEqualTo(new RefCredit(6_000, 1_000, false));
            assertThat(RefCredit.of("WRITTEN_OFF", 0, 10_000, 4_000, 2_500)).isEqualTo(new RefCredit(2_500, 0, false));
        }

        @Test
        void settledAndCancelledContractsRefundEverything() {
            assertThat(RefCredit.of("SETTLED", 0, 0, 0, 1_200)).isEqualTo(new RefCredit(0, 1_200, false));
            assertThat(RefCredit.of("CANCELLED", 0, 0, 0, 1)).isEqualTo(new RefCredit(0, 1, false));
        }
    }

    @Test
    void theOpenPeriodIsTheLastDeductedOneUntilItIsReconciled() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
        assertThat(ref.openPeriod()).isEmpty();
        assertThatThrownBy(() -> ref.recordPayments(
                        List.of(payment("COUNTER", "R1", "C1", 1_000, "2026-01-02")), LocalDate.parse("2026-01-31")))
                .isInstanceOf(IllegalStateException.class);
        ref.deduct("2026-01", List.of(active("M1")));
        assertThat(ref.openPeriod()).contains("2026-01");
        assertThat(ref.isOpenPeriodOrderIssued()).isTrue();
        ref.reconcile("2026-01", List.of(new RefReturnRow("C1", "M1", 1_000)));
        assertThat(ref.openPeriod()).contains("2026-02");
        assertThat(ref.isOpenPeriodOrderIssued()).isFalse();
    }

    @Test
    void paymentsBeforeTheOrderIsIssuedLowerTheNextDuesSettleAndRefundOnceSettled() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(
                contract("C1", "M1", 12_000, 12, "2026-01"), // 1 000 / month
                contract("C2", "M2", 24_000, 12, "2026-01"))); // 2 000 / month
        ref.deduct("2026-01", List.of(active("M1"), active("M2")));
        ref.reconcile("2026-01", List.of(new RefReturnRow("C1", "M1", 1_000), new RefReturnRow("C2", "M2", 2_000)));
        // P = 2026-02, its order not issued: no stops file
        RefPaymentsResult first = ref.recordPayments(
                List.of(
                        new RefPayment("COUNTER", "RC-001", "C1", 4_000, LocalDate.parse("2026-02-03"), "M1"),
                        payment("TMONEY", "TM-77", "C2", 22_000, "2026-02-01"),
                        payment("BANK", "VIR-9", "C2", 500, "2026-02-05")),
                LocalDate.parse("2026-02-10"));
        assertThat(first.paymentsFileName()).isEqualTo("payments-2026-02-01.csv");
        assertThat(first.stops()).isEmpty();
        assertThat(first.payments())
                .containsExactly(
                        // C1: 12 000 − 1 000 − 4 000 = 7 000 outstanding
                        row(
                                "2026-02",
                                "COUNTER",
                                "RC-001",
                                "C1",
                                "M1",
                                "2026-02-03",
                                "4000",
                                "4000",
                                "0",
                                "7000",
                                "POSTED"),
                        // C2: outstanding 24 000 − 2 000 = 22 000, all posted: settled
                        row(
                                "2026-02",
                                "TMONEY",
                                "TM-77",
                                "C2",
                                "M2",
                                "2026-02-01",
                                "22000",
                                "22000",
                                "0",
                                "0",
                                "SETTLED"),
                        // C2 is settled when this one (received later) is credited: all refunded
                        row("2026-02", "BANK", "VIR-9", "C2", "M2", "2026-02-05", "500", "0", "500", "0", "REFUNDED"));
        assertThat(ref.contractState("C2")).isEqualTo("SETTLED");
        assertThat(ref.settledIn("C2")).contains("2026-02");
        assertThat(ref.refundItems())
                .extracting(RefRefundItem::refundId, RefRefundItem::contractId, RefRefundItem::amountXof)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("payments-2026-02-01-000003", "C2", 500L));

        // February: C1 due = scheduled 2 000 − collected 5 000 → 0, no line; C2 settled, no line
        RefDeductionResult feb = ref.deduct("2026-02", List.of(active("M1"), active("M2")));
        assertThat(feb.deductions()).isEmpty();
        assertThat(feb.exceptions()).isEmpty();

        // a second run in P = 2026-02, now issued: numbered 02, a stops file with no row (C1 has no
        // order line); the line already recorded identically is skipped
        RefPaymentsResult second = ref.recordPayments(
                List.of(
                        payment("FLOOZ", "F-1", "C1", 1_000, "2026-02-20"),
                        payment("TMONEY", "TM-77", "C2", 22_000, "2026-02-01")),
                LocalDate.parse("2026-02-20"));
        assertThat(second.nn()).isEqualTo("02");
        assertThat(second.stopsFileName()).isEqualTo("deduction-stops-2026-02-02.csv");
        assertThat(second.stops()).contains(List.of());
        assertThat(second.skipped()).isEqualTo(1);
        // 7 000 − 1 000 = 6 000
        assertThat(second.payments())
                .containsExactly(row(
                        "2026-02", "FLOOZ", "F-1", "C1", "M1", "2026-02-20", "1000", "1000", "0", "6000", "POSTED"));
    }

    @Test
    void paymentsAreCreditedByDateThenChannelThenReferenceAndListedByContractFirst() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(
                contract("C1", "M1", 5_000, 5, "2026-01"), // 1 000 / month
                contract("C0", "M0", 5_000, 5, "2026-01")));
        ref.deduct("2026-01", List.of(active("M1"), active("M0")));
        ref.reconcile("2026-01", List.of()); // both NOT_WITHHELD: outstanding 5 000 each
        RefPaymentsResult run = ref.recordPayments(
                List.of(
                        payment("COUNTER", "A-1", "C1", 3_000, "2026-02-10"),
                        payment("BANK", "B-2", "C1", 3_000, "2026-02-10"),
                        payment("FLOOZ", "Z", "C1", 1_000, "2026-02-05"),
                        payment("OTHER", "Q", "C0", 5_000, "2026-02-11")),
                LocalDate.parse("2026-02-11"));
        // credit order of C1: FLOOZ (02-05) 1 000 → 4 000 left; BANK (02-10, BANK < COUNTER) 3 000 → 1 000 left;
        // COUNTER A-1 3 000 → 1 000 posted, 2 000 back, settled
        assertThat(run.payments())
                .containsExactly(
                        row("2026-02", "OTHER", "Q", "C0", "M0", "2026-02-11", "5000", "5000", "0", "0", "SETTLED"),
                        row("2026-02", "FLOOZ", "Z", "C1", "M1", "2026-02-05", "1000", "1000", "0", "4000", "POSTED"),
                        row("2026-02", "BANK", "B-2", "C1", "M1", "2026-02-10", "3000", "3000", "0", "1000", "POSTED"),
                        row(
                                "2026-02",
                                "COUNTER",
                                "A-1",
                                "C1",
                                "M1",
                                "2026-02-10",
                                "3000",
                                "1000",
                                "2000",
                                "0",
                                "SETTLED"));
        // the refund item takes the row number of the file: the 4th row
        assertThat(ref.refundItems()).extracting(RefRefundItem::refundId).containsExactly("payments-2026-02-01-000004");
    }

    @Test
    void stopsWhileTheOrderIsIssuedAndTheReconciliationExpectsTheAmountInForce() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(
                contract("C1", "M1", 12_000, 12, "2026-01"), // 1 000 / month each
                contract("C2", "M2", 12_000, 12, "2026-01"),
                contract("C3", "M3", 12_000, 12, "2026-01"),
                contract("C4", "M4", 12_000, 12, "2026-01")));
        ref.deduct("2026-01", List.of(active("M1"), active("M2"), active("M3"), active("M4")));

        RefPaymentsResult first = ref.recordPayments(
                List.of(
                        payment("COUNTER", "P1", "C1", 11_500, "2026-01-15"), // 12 000 − 11 500 = 500 < 1 000
                        payment("BANK", "P2", "C2", 200, "2026-01-16"), // 11 800 left ≥ 1 000: no stop
                        payment("BANK", "P5", "C4", 11_500, "2026-01-16")), // 500 left < 1 000
                LocalDate.parse("2026-01-31"));
        assertThat(first.stopsFileName()).isEqualTo("deduction-stops-2026-01-01.csv");
        assertThat(first.stops().orElseThrow())
                .containsExactly(
                        row("2026-01", "M1", "C1", "Name C1", "1000", "500", "PAID_OUTSIDE_PAYROLL"),
                        row("2026-01", "M4", "C4", "Name C4", "1000", "500", "PAID_OUTSIDE_PAYROLL"));

        RefPaymentsResult second = ref.recordPayments(
                List.of(
                        payment("COUNTER", "P3", "C1", 600, "2026-01-20"), // 500 posted, 100 back, settled
                        payment("OTHER", "P4", "C3", 12_000, "2026-01-21")), // settled
                LocalDate.parse("2026-01-31"));
        assertThat(second.payments())
                .containsExactly(
                        row("2026-01", "COUNTER", "P3", "C1", "M1", "2026-01-20", "600", "500", "100", "0", "SETTLED"),
                        row("2026-01", "OTHER", "P4", "C3", "M3", "2026-01-21", "12000", "12000", "0", "0", "SETTLED"));
        // ordered_xof stays the order line's amount; C1's amount in force goes from 500 to 0
        assertThat(second.stops().orElseThrow())
                .containsExactly(
                        row("2026-01", "M1", "C1", "Name C1", "1000", "0", "PAID_OUTSIDE_PAYROLL"),
                        row("2026-01", "M3", "C3", "Name C3", "1000", "0", "PAID_OUTSIDE_PAYROLL"));
        assertThat(ref.amountInForce("C1", "2026-01")).contains(0L);
        assertThat(ref.amountInForce("C2", "2026-01")).contains(1_000L);
        assertThat(ref.amountInForce("C4", "2026-01")).contains(500L);

        RefReconciliationResult rec = ref.reconcile(
                "2026-01",
                List.of(
                        new RefReturnRow("C1", "M1", 1_000), // payroll ignored the stop
                        new RefReturnRow("C2", "M2", 1_000),
                        new RefReturnRow("C3", "M3", 0), // payroll honoured the stop to 0
                        new RefReturnRow("C4", "M4", 500))); // payroll honoured the stop to 500
        assertThat(rec.reconciliation())
                .containsExactly(
                        // e = 0, w = 1 000: OVER; C1 is SETTLED: nothing posted, all refunded
                        row("2026-01", "M1", "C1", "0", "1000", "1000", "0", "1000", "OVER"),
                        row("2026-01", "M2", "C2", "1000", "1000", "0", "1000", "0", "MATCHED"),
                        // w = e = 0 is MATCHED (the first row of the table that holds)
                        row("2026-01", "M3", "C3", "0", "0", "0", "0", "0", "MATCHED"),
                        // e = 500 = w; 500 posted settles C4
                        row("2026-01", "M4", "C4", "500", "500", "0", "500", "0", "MATCHED"));
        assertThat(ref.contractState("C4")).isEqualTo("SETTLED");
        // C2: scheduled(Jan) 1 000 − collected 1 200 → no arrears; the others are settled
        assertThat(rec.arrears()).isEmpty();
        assertThat(ref.refundItems())
                .extracting(RefRefundItem::refundId)
                .containsExactly("payments-2026-01-02-000001", "reconciliation-2026-01-000001");
    }

    @Test
    void aPaymentReceivedBeforePPostsInPAndPrepaysAContractNotStartedYet() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(
                contract("C0", "M0", 12_000, 12, "2026-01"),
                contract("C1", "M1", 36_000, 12, "2026-03"))); // 3 000 / month from March
        ref.deduct("2026-01", List.of(active("M0"), active("M1")));
        ref.reconcile("2026-01", List.of(new RefReturnRow("C0", "M0", 1_000)));
        // received in January, recorded once P is 2026-02: posted in 2026-02
        RefPaymentsResult run = ref.recordPayments(
                List.of(payment("COUNTER", "EARLY", "C1", 7_000, "2026-01-20")), LocalDate.parse("2026-02-01"));
        assertThat(run.payments())
                .containsExactly(row(
                        "2026-02",
                        "COUNTER",
                        "EARLY",
                        "C1",
                        "M1",
                        "2026-01-20",
                        "7000",
                        "7000",
                        "0",
                        "29000",
                        "POSTED"));
        List<RefPayrollRow> register = List.of(active("M0"), active("M1"));
        // March: scheduled 3 000 − 7 000 → nothing due; April: 6 000 − 7 000 → nothing; May: 9 000 − 7 000 = 2 000
        for (String month : List.of("2026-02", "2026-03", "2026-04")) {
            assertThat(ref.deduct(month, register).deductions())
                    .extracting(r -> r.get(2))
                    .containsExactly("C0");
            ref.reconcile(month, List.of(new RefReturnRow("C0", "M0", 1_000)));
        }
        assertThat(ref.deduct("2026-05", register).deductions())
                .extracting(r -> r.get(2) + "=" + r.get(5))
                .containsExactly("C0=1000", "C1=2000");
    }

    @Test
    void invalidPaymentLinesChangeNothingAndUseNoRunNumber() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(contract("C1", "M1", 12_000, 12, "2026-01")));
        ref.deduct("2026-01", List.of(active("M1")));
        LocalDate today = LocalDate.parse("2026-01-31");
        ref.recordPayments(List.of(payment("BANK", "K1", "C1", 1_000, "2026-01-05")), today);
        List<List<RefPayment>> invalid = List.of(
                // the same key twice in one file, even identical
                List.of(payment("BANK", "K2", "C1", 10, "2026-01-05"), payment("BANK", "K2", "C1", 10, "2026-01-05")),
                // recorded before with another amount, contract or date
                List.of(payment("BANK", "K1", "C1", 1_001, "2026-01-05")),
                List.of(payment("BANK", "K1", "C1", 1_000, "2026-01-06")),
                List.of(payment("COUNTER", "K3", "NOPE", 1_000, "2026-01-05")),
                List.of(payment("COUNTER", "K3", "C1", 0, "2026-01-05")),
                List.of(payment("COUNTER", "K3", "C1", 100, "2026-02-01")), // after today
                List.of(new RefPayment("COUNTER", "K3", "C1", 100, LocalDate.parse("2026-01-05"), "M2")),
                List.of(payment("CASH", "K3", "C1", 100, "2026-01-05")));
        for (List<RefPayment> lines : invalid) {
            assertThatThrownBy(() -> ref.recordPayments(lines, today))
                    .as("%s", lines)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ref.collected("C1")).isEqualTo(1_000);
        // the same key on another channel is another payment; the next run is 02
        RefPaymentsResult next =
                ref.recordPayments(List.of(payment("COUNTER", "K1", "C1", 1_000, "2026-01-05")), today);
        assertThat(next.nn()).isEqualTo("02");
        assertThat(ref.collected("C1")).isEqualTo(2_000);
    }

    @Test
    void refundsAreIssuedConfirmedAndReleasedWithTheirAmountsConserved() {
        ReferenceProgramme ref = new ReferenceProgramme();
        ref.importContracts(List.of(
                new RefContract("C1", "M1", "=Kossi", null, 6_000, 0, 2, "2026-01"), // 3 000, 3 000
                contract("C2", "M2", 12_000, 12, "2026-01")));
        ref.deduct("2026-01", List.of(active("M1"), active("M2")));
        assertThat(ref.issueRefunds()).isEmpty();
        RefReconciliationResult rec = ref.reconcile(
                "2026-01",
                List.of(
                        new RefReturnRow("C1", "M1", 10_000), // 6 000 posted, 4 000 back
                        new RefReturnRow("C2", "M2", 1_000),
                        new RefReturnRow("ZZ-9", "M9", 700))); // unknown contract: 700 back to M9
        assertThat(rec.totalRefundDueXof()).isEqualTo(4_700);
        ref.recordPayments(List.of(payment("BANK", "B1", "C1", 2_500, "2026-02-02")), LocalDate.parse("2026-02-02"));

        RefRefundsFile batch1 = ref.issueRefunds().orElseThrow();
        assertThat(batch1.fileName()).isEqualTo("refunds-0001.csv");
        // by refund_id: "payments-…" < "reconciliation-…"; the contract's name is neutralised; blank for ZZ-9
        assertThat(batch1.rows())
                .containsExactly(
                        row("payments-2026-02-01-000001", "M1", "C1", "'=Kossi", "2500"),
                        row("reconciliation-2026-01-000001", "M1", "C1", "'=Kossi", "4000"),
                        row("reconciliation-2026-01-000003", "M9", "ZZ-9", "", "700"));
        assertThat(ref.issueRefunds()).as("nothing DUE any more").isEmpty();

        RefRefundsFile paid1 = ref.confirmRefunds(List.of(
                new RefRefundPaid("reconciliation-2026-01-000001", LocalDate.parse("2026-02-10"), 4_000, "VIR-1"),
                new RefRefundPaid("payments-2026-02-01-000001", LocalDate.parse("2026-02-10"), 2_500, "VIR-2")));
        assertThat(paid1.fileName()).isEqualTo("refunds-paid-0001.csv");
        assertThat(paid1.rows())
                .containsExactly(
                        row("payments-2026-02-01-000001", "M1", "C1", "2500", "2026-02-10", "VIR-2"),
                        row("reconciliation-2026-01-000001", "M1", "C1", "4000", "2026-02-10", "VIR-1"));

        // a wrong amount, or a refund_id twice: invalid, nothing changes
        assertThatThrownBy(() -> ref.confirmRefunds(List.of(
                        new RefRefundPaid("reconciliation-2026-01-000003", LocalDate.parse("2026-02-10"), 699, "X"))))
                .isInstanceOf(IllegalArgumentException.class);
        RefRefundPaid ok = new RefRefundPaid("reconciliation-2026-01-000003", LocalDate.parse("2026-02-10"), 700, "X");
        assertThatThrownBy(() -> ref.confirmRefunds(List.of(ok, ok))).isInstanceOf(IllegalArgumentException.class);

        // the bank rejected the rest of batch 1: back to DUE, issued again in batch 2
        assertThat(ref.releaseRefunds(1)).isEqualTo(1);
        assertThatThrownBy(() -> ref.releaseRefunds(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ref.confirmRefunds(List.of(ok)))
                .as("a DUE item is not confirmed")
                .isInstanceOf(IllegalArgumentException.class);
        RefRefundsFile batch2 = ref.issueRefunds().orElseThrow();
        assertThat(batch2.fileName()).isEqualTo("refunds-0002.csv");
        assertThat(batch2.rows()).containsExactly(row("reconciliation-2026-01-000003", "M9", "ZZ-9", "", "700"));
        assertThat(ref.releaseRefunds(1)).as("nothing of batch 1 is INSTRUCTED").isZero();

        // a line identical to a confirmation already recorded is skipped
        RefRefundsFile paid2 = ref.confirmRefunds(List.of(
                new RefRefundPaid("reconciliation-2026-01-000001", LocalDate.parse("2026-02-10"), 4_000, "VIR-1"),
                new RefRefundPaid("reconciliation-2026-01-000003", LocalDate.parse("2026-02-15"), 700, "CASH-3")));
        assertThat(paid2.fileName()).isEqualTo("refunds-paid-0002.csv");
        assertThat(paid2.skipped()).isEqualTo(1);
        assertThat(paid2.rows())
                .containsExactly(row("reconciliation-2026-01-000003", "M9", "ZZ-9", "700", "2026-02-15", "CASH-3"));
        // a paid item confirmed again with other values is invalid
        assertThatThrownBy(() -> ref.confirmRefunds(List.of(new RefRefundPaid(
                        "reconciliation-2026-01-000001", LocalDate.parse("2026-02-11"), 4_000, "VIR-1"))))
                .isInstanceOf(IllegalArgumentException.class);

        // conservation: 4 000 + 700 + 2 500 = 7 200 made, all paid
        assertThat(ref.refundsOriginalTotal()).isEqualTo(7_200);
        assertThat(ref.refundsTotal(RefRefundItem.PAID)).isEqualTo(7_200);
        assertThat(ref.refundItems()).allSatisfy(i -> assertThat(i.status()).isEqualTo(RefRefundItem.PAID));
    }

    @Test
    void refundIdentifiersAndHeadersOfTheNewFiles() {
        assertThat(ReferenceProgramme.refundId("reconciliation-2026-03", 17))
                .isEqualTo("reconciliation-2026-03-000017");
        assertThat(ReferenceProgramme.refundId("payments-2026-04-02", 3)).isEqualTo("payments-2026-04-02-000003");
        assertThat(ReferenceProgramme.refundId("payments-2026-04-02", 1_234_567))
                .isEqualTo("payments-2026-04-02-1234567");
        assertThat(ReferenceProgramme.header("payments-2026-04-02.csv"))
                .containsExactly(
                        "period",
                        "channel",
                        "payment_ref",
                        "contract_id",
                        "matricule",
                        "received_on",
                        "amount_xof",
                        "posted_xof",
                        "refund_due_xof",
                        "outstanding_xof",
                        "status");
        assertThat(ReferenceProgramme.header("deduction-stops-2026-04-11.csv"))
                .containsExactly(
                        "period", "matricule", "contract_id", "full_name", "ordered_xof", "amount_xof", "reason");
        assertThat(ReferenceProgramme.header("refunds-0012.csv"))
                .containsExactly("refund_id", "matricule", "contract_id", "full_name", "amount_xof");
        assertThat(ReferenceProgramme.header("refunds-paid-0003.csv"))
                .containsExactly("refund_id", "matricule", "contract_id", "amount_xof", "paid_on", "payment_ref");
        assertThat(ReferenceProgramme.header("deductions-2026-04.csv")).startsWith("period", "matricule");
        assertThat(Optional.of(ReferenceProgramme.header("arrears"))).isPresent();
    }
}
