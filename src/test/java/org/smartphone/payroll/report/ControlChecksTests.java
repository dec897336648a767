package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.ControlChecks.Check;
import org.smartphone.payroll.report.ControlChecks.Comparison;
import org.smartphone.payroll.report.ControlChecks.Kind;
import org.smartphone.payroll.report.ControlChecks.Outcome;
import org.smartphone.payroll.report.ControlChecks.Quantity;
import org.smartphone.payroll.report.PeriodFigures.ArrearsTotals;
import org.smartphone.payroll.report.PeriodFigures.Balances;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.DifferingRows;
import org.smartphone.payroll.report.PeriodFigures.ExceptionTotals;
import org.smartphone.payroll.report.PeriodFigures.MoneyOfPeriod;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.report.PeriodFigures.StopsInForce;
import org.smartphone.payroll.run.RunKind;

/**
 * The auditors' control checks on hand-computed figures: each passes when the figures agree, fails
 * when they do not or when a file cannot be read, and is "not available" (never pass) when data is
 * missing.
 */
class ControlChecksTests {

    private static final String ORDER = "deductions-2026-01.csv";
    private static final String RECONCILIATION = "reconciliation-2026-01.csv";
    private static final String MANIFEST = "deduction-2026-01.manifest.json";
    private static final String EXCEPTIONS = "deduction-exceptions-2026-01.csv";
    private static final String ARREARS = "arrears-2026-01.csv";
    /** Every line of a file equals the ledger row at its place. */
    private static final Reading<Long> SAME_LINES = Reading.of("lines", 0L);

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static Reading<OrderTotals> order(long records, long amount) {
        return Reading.of(ORDER, new OrderTotals(records, amount));
    }

    private static Reading<OrderTotals> manifest(long records, long amount) {
        return Reading.of(MANIFEST, new OrderTotals(records, amount));
    }

    private static Reading<ReconciliationTotals> reconciliation(
            long expected, long withheld, long posted, long refund) {
        return Reading.of(RECONCILIATION, new ReconciliationTotals(41, expected, withheld, posted, refund));
    }

    private static Reading<ReturnTotal> returned(long withheld) {
        return Reading.of(
                "withheld-2026-01.csv",
                new ReturnTotal(
                        ReturnTotal.Source.ARCHIVED_FILE, "archive/2026-01/withheld-2026-01.csv", 41, withheld));
    }

    @Nested
    class OrderMatchesManifest {

        @Test
        void passesWhenTotalAndRecordsAgree() {
            Check check = ControlChecks.orderMatchesManifest(order(41, 415_155), manifest(41, 415_155));

            assertThat(check.kind()).isEqualTo(Kind.ORDER_MATCHES_MANIFEST);
            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(
                            new Comparison(Quantity.ORDER_FILE_AMOUNT, 415_155, Quantity.MANIFEST_AMOUNT, 415_155),
                            new Comparison(Quantity.ORDER_FILE_RECORDS, 41, Quantity.MANIFEST_RECORDS, 41));
            assertThat(check.gaps()).isEmpty();
        }

        @Test
        void failsWhenOneFrancDiffers() {
            // 7 916 edited to 7 917 in the file after the run
            Check check = ControlChecks.orderMatchesManifest(order(41, 415_156), manifest(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons().get(0).agrees()).isFalse();
            assertThat(check.comparisons().get(1).agrees()).isTrue();
        }

        @Test
        void failsWhenALineWasRemovedEvenIfTheTotalAgrees() {
            // a line of 7 916 removed and another raised by 7 916: the total alone would not see it
            Check check = ControlChecks.orderMatchesManifest(order(40, 415_155), manifest(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void isNotAvailableWhenTheDeductionRunHasNotWrittenItsFiles() {
            Check check = ControlChecks.orderMatchesManifest(Reading.missing(ORDER), Reading.missing(MANIFEST));

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(check.comparisons()).isEmpty();
            assertThat(check.gaps()).extracting(Reading::source).containsExactly(ORDER, MANIFEST);
        }

        @Test
        void isNotAvailableWhenOnlyTheManifestIsMissing() {
            Check check = ControlChecks.orderMatchesManifest(order(41, 415_155), Reading.missing(MANIFEST));

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
        }

        @Test
        void failsWhenTheFileCannotBeRead() {
            Check check = ControlChecks.orderMatchesManifest(
                    Reading.unreadable(ORDER, 7, "amount_xof"), manifest(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.gaps()).singleElement().satisfies(gap -> {
                assertThat(gap.line()).isEqualTo(7);
                assertThat(gap.column()).isEqualTo("amount_xof");
            });
        }

        @Test
        void failsWhenOneSourceIsUnreadableAndTheOtherMissing() {
            Check check = ControlChecks.orderMatchesManifest(
                    Reading.unreadable(ORDER, 2, "amount_xof"), Reading.missing(MANIFEST));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class ReconciliationExpectsOrder {

        private static final StopsInForce NO_STOP = new StopsInForce(0, 0);

        @Test
        void passesWhenExpectedIsTheOrderTotal() {
            // UNEXPECTED rows expect 0, so they do not change the sum
            Check check = ControlChecks.reconciliationExpectsOrder(
                    reconciliation(415_155, 411_571, 410_571, 1_000), order(41, 415_155), NO_STOP);

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(new Comparison(
                            Quantity.RECONCILIATION_EXPECTED, 415_155, Quantity.ORDER_AMOUNT_IN_FORCE, 415_155));
        }

        @Test
        void failsWhenTheyDiffer() {
            Check check = ControlChecks.reconciliationExpectsOrder(
                    reconciliation(407_239, 411_571, 410_571, 1_000), order(41, 415_155), NO_STOP);

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void expectsTheOrderLessWhatTheStopsTookOffIt() {
            // two lines stopped: 12 000 ordered, in force 0 after a payment settled the contract; 8 000
            // ordered, in force 2 500 (its latest stop). 415 155 - 12 000 - 5 500 = 397 655
            Check check = ControlChecks.reconciliationExpectsOrder(
                    reconciliation(397_655, 390_000, 390_000, 0), order(41, 415_155), new StopsInForce(2, 17_500));

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(new Comparison(
                            Quantity.RECONCILIATION_EXPECTED, 397_655, Quantity.ORDER_AMOUNT_IN_FORCE, 397_655));
        }

        @Test
        void failsWhenTheReconciliationExpectedTheOrderAmountOfAStoppedLine() {
            Check check = ControlChecks.reconciliationExpectsOrder(
                    reconciliation(415_155, 390_000, 390_000, 0), order(41, 415_155), new StopsInForce(2, 17_500));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void isNotAvailableBeforeTheReconciliation() {
            Check check = ControlChecks.reconciliationExpectsOrder(
                    Reading.missing(RECONCILIATION), order(41, 415_155), NO_STOP);

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(check.gaps()).extracting(Reading::source).containsExactly(RECONCILIATION);
        }
    }

    @Nested
    class MoneyBalances {

        private final Reading<ReturnTotal> returned = Reading.of(
                "withheld-2026-01.csv",
                new ReturnTotal(ReturnTotal.Source.ARCHIVED_FILE, "archive/2026-01/withheld-2026-01.csv", 41, 411_571));

        @Test
        void theReturnAndThePaymentsArePostedOrRefunded() {
            // return 411 571: 410 571 posted, 1 000 refund due; payments 60 000: 50 000 posted, 10 000
            // refunded; one payment of 5 000 reversed (posted 5 000 taken back): 411 571 + 60 000 - 5 000
            // = 466 571 = (410 571 + 50 000 - 5 000) + (1 000 + 10 000) - 0
            MoneyOfPeriod money = new MoneyOfPeriod(true, 0, 60_000, 5_000, 455_571, 11_000, 0);

            Check check = ControlChecks.moneyBalances(returned, money);

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(
                            new Comparison(Quantity.MONEY_RECEIVED, 466_571, Quantity.MONEY_ACCOUNTED, 466_571));
        }

        @Test
        void aNegativeSupplementComesOffARefundItemAndWhatWasPosted() {
            // supplement delta -3 000: 1 000 off a DUE refund item, 2 000 off collected
            MoneyOfPeriod money = new MoneyOfPeriod(true, -3_000, 0, 0, 408_571, 1_000, 1_000);

            Check check = ControlChecks.moneyBalances(returned, money);

            assertThat(check.comparisons())
                    .containsExactly(
                            new Comparison(Quantity.MONEY_RECEIVED, 408_571, Quantity.MONEY_ACCOUNTED, 408_571));
            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void failsWhenAFrancIsNeitherPostedNorRefunded() {
            MoneyOfPeriod money = new MoneyOfPeriod(true, 0, 60_000, 0, 460_571, 10_999, 0);

            assertThat(ControlChecks.moneyBalances(returned, money).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void beforeTheReconciliationOnlyThePaymentsCount() {
            MoneyOfPeriod money = new MoneyOfPeriod(false, 0, 60_000, 0, 50_000, 10_000, 0);

            Check check = ControlChecks.moneyBalances(Reading.missing("withheld-2026-01.csv"), money);

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(new Comparison(Quantity.MONEY_RECEIVED, 60_000, Quantity.MONEY_ACCOUNTED, 60_000));
        }

        @Test
        void isNotAvailableWhenTheReturnOfAReconciledPeriodCannotBeRead() {
            MoneyOfPeriod money = new MoneyOfPeriod(true, 0, 0, 0, 410_571, 1_000, 0);

            Check check = ControlChecks.moneyBalances(Reading.missing("withheld-2026-01.csv"), money);

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
        }
    }

    @Nested
    class WithheldMatchesReturn {

        @Test
        void passesWhenTheReturnTotalIsWhatWasWithheld() {
            Check check = ControlChecks.withheldMatchesReturn(
                    reconciliation(415_155, 411_571, 410_571, 1_000), returned(411_571));

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(new Comparison(
                            Quantity.RECONCILIATION_WITHHELD, 411_571, Quantity.RETURN_WITHHELD, 411_571));
        }

        @Test
        void passesOnTheLedgersFigureWhenTheArchivedReturnIsGone() {
            Reading<ReturnTotal> ledger = Reading.of(
                    "reconciliation_line",
                    new ReturnTotal(ReturnTotal.Source.LEDGER, "reconciliation_line", 40, 411_571));

            assertThat(ControlChecks.withheldMatchesReturn(reconciliation(415_155, 411_571, 410_571, 1_000), ledger)
                            .outcome())
                    .isEqualTo(Outcome.PASS);
        }

        @Test
        void failsWhenTheyDiffer() {
            Check check = ControlChecks.withheldMatchesReturn(
                    reconciliation(415_155, 411_571, 410_571, 1_000), returned(421_571));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void isNotAvailableBeforeTheReconciliation() {
            Check check = ControlChecks.withheldMatchesReturn(
                    Reading.missing(RECONCILIATION), Reading.missing("withheld-2026-01.csv"));

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
        }
    }

    @Nested
    class PostedPlusRefundIsWithheld {

        @Test
        void passesWhenEveryWithheldFrancIsPostedOrRefunded() {
            // 410 571 posted + 1 000 refund due (SP-2026-0012: 10 000 withheld on a 9 000 balance)
            Check check = ControlChecks.postedPlusRefundIsWithheld(reconciliation(415_155, 411_571, 410_571, 1_000));

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(new Comparison(
                            Quantity.POSTED_PLUS_REFUND, 411_571, Quantity.RECONCILIATION_WITHHELD, 411_571));
        }

        @Test
        void failsWhenAFrancIsUnaccountedFor() {
            Check check = ControlChecks.postedPlusRefundIsWithheld(reconciliation(415_155, 411_571, 410_571, 999));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons().get(0).leftValue()).isEqualTo(411_570);
        }

        @Test
        void isNotAvailableBeforeTheReconciliation() {
            assertThat(ControlChecks.postedPlusRefundIsWithheld(Reading.missing(RECONCILIATION))
                            .outcome())
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }

        @Test
        void failsWhenTheFileCannotBeRead() {
            assertThat(ControlChecks.postedPlusRefundIsWithheld(Reading.unreadable(RECONCILIATION, 3, "posted_xof"))
                            .outcome())
                    .isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class FileDigests {

        private FileDigest output(String recomputed, String sidecar, String manifest) {
            return new FileDigest(
                    ORDER, "outbox/2026-01", RunKind.DEDUCTION, FileDigest.Seal.SIDECAR, recomputed, sidecar, manifest);
        }

        private FileDigest input(String recomputed, String recorded) {
            return new FileDigest(
                    "payroll-2026-01.csv",
                    "archive/2026-01",
                    RunKind.DEDUCTION,
                    FileDigest.Seal.LEDGER,
                    recomputed,
                    recorded,
                    null);
        }

        @Test
        void anOutputPassesWhenItsDigestIsItsSidecarsAndItsManifests() {
            assertThat(ControlChecks.digest(output(SHA_A, SHA_A, SHA_A))).isEqualTo(Outcome.PASS);
            assertThat(ControlChecks.digest(output(SHA_A, SHA_A, null))).isEqualTo(Outcome.PASS);
        }

        @Test
        void anOutputFailsWhenItsSidecarOrItsManifestDiffers() {
            assertThat(ControlChecks.digest(output(SHA_B, SHA_A, SHA_A))).isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.digest(output(SHA_A, SHA_A, SHA_B))).isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.digest(output(SHA_A, "", SHA_A)))
                    .as("unreadable sidecar")
                    .isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.digest(output(SHA_A, SHA_A, "")))
                    .as("not in the manifest")
                    .isEqualTo(Outcome.FAIL);
        }

        @Test
        void anOutputIsNotAvailableWhenItOrItsSidecarIsMissing() {
            assertThat(ControlChecks.digest(output(null, null, null))).isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(ControlChecks.digest(output(SHA_A, null, SHA_A))).isEqualTo(Outcome.NOT_AVAILABLE);
        }

        @Test
        void anInputIsCheckedAgainstTheLedger() {
            assertThat(ControlChecks.digest(input(SHA_A, SHA_A))).isEqualTo(Outcome.PASS);
            assertThat(ControlChecks.digest(input(SHA_B, SHA_A))).isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.digest(input(null, SHA_A)))
                    .as("not in the archive")
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }

        @Test
        void checkEIsTheWorstOfTheSealedFiles() {
            FileDigest manifest = new FileDigest(
                    MANIFEST, "outbox/2026-01", RunKind.DEDUCTION, FileDigest.Seal.NONE, SHA_A, null, null);

            assertThat(ControlChecks.fileDigests(List.of(output(SHA_A, SHA_A, SHA_A), input(SHA_A, SHA_A), manifest))
                            .outcome())
                    .as("a manifest has no seal and does not count")
                    .isEqualTo(Outcome.PASS);
            assertThat(ControlChecks.fileDigests(List.of(output(SHA_A, SHA_A, SHA_A), input(null, SHA_A)))
                            .outcome())
                    .isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(ControlChecks.fileDigests(List.of(output(SHA_B, SHA_A, SHA_A), input(null, SHA_A)))
                            .outcome())
                    .isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.fileDigests(List.of(manifest)).outcome())
                    .as("nothing to check")
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }
    }

    /** The ledger's figures of 2026-01 as the sample gives them: 41 order lines, two exceptions. */
    private static Reading<DeductionFigures> deductionLedger() {
        return Reading.of(
                "deduction_line",
                new DeductionFigures(
                        42,
                        430_653,
                        0,
                        41,
                        415_155,
                        List.of(
                                new ReasonLine("NOT_IN_PAYROLL", 0, 0, 0, 0),
                                new ReasonLine("CAPPED", 2, 39_166, 31_584, 7_582),
                                new ReasonLine("EMPLOYEE_SUSPENDED", 1, 8_000, 0, 8_000))));
    }

    private static Reading<ReconciliationFigures> reconciliationLedger() {
        return Reading.of(
                "reconciliation_line",
                new ReconciliationFigures(
                        List.of(
                                new StatusLine("MATCHED", 37, 375_739, 375_739, 375_739, 0),
                                new StatusLine("OVER", 4, 39_416, 35_832, 34_832, 1_000)),
                        List.of(
                                new BucketLine("MONTHS_1", 5, 30_498, 768_416),
                                new BucketLine("MONTHS_2", 1, 15_249, 100_000)),
                        List.of()));
    }

    @Nested
    class FilesMatchTheLedger {

        @Test
        void theOrderPassesWhenItsRecordsAndTotalAreTheLedgersOrderLines() {
            Check check = ControlChecks.orderMatchesLedger(order(41, 415_155), deductionLedger(), SAME_LINES);

            assertThat(check.kind()).isEqualTo(Kind.ORDER_MATCHES_LEDGER);
            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(
                            new Comparison(Quantity.ORDER_FILE_RECORDS, 41, Quantity.LEDGER_ORDER_LINES, 41),
                            new Comparison(Quantity.ORDER_FILE_AMOUNT, 415_155, Quantity.LEDGER_ORDER_AMOUNT, 415_155),
                            new Comparison(Quantity.LINES_DIFFERING_FROM_LEDGER, 0, Quantity.NONE, 0));
        }

        @Test
        void theOrderFailsWhenLinesDifferAlthoughItsTotalsAgree() {
            // two amounts swapped: same records, same total
            Check check =
                    ControlChecks.orderMatchesLedger(order(41, 415_155), deductionLedger(), Reading.of(ORDER, 2L));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons())
                    .filteredOn(c -> !c.agrees())
                    .containsExactly(new Comparison(Quantity.LINES_DIFFERING_FROM_LEDGER, 2, Quantity.NONE, 0));
        }

        @Test
        void theOrderFailsWhenItCannotBeComparedLineByLine() {
            Check check = ControlChecks.orderMatchesLedger(
                    order(41, 415_155), deductionLedger(), Reading.unreadable(ORDER, 9, "amount_xof"));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void theOrderFailsWithBothFiguresWhenOneFrancDiffers() {
            Check check = ControlChecks.orderMatchesLedger(order(41, 415_655), deductionLedger(), SAME_LINES);

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons().get(1))
                    .isEqualTo(
                            new Comparison(Quantity.ORDER_FILE_AMOUNT, 415_655, Quantity.LEDGER_ORDER_AMOUNT, 415_155));
        }

        @Test
        void theOrderIsNotAvailableBeforeTheDeductionRunReachesTheLedger() {
            Check check = ControlChecks.orderMatchesLedger(
                    Reading.missing(ORDER), Reading.missing("deduction_line"), Reading.missing("deduction_line"));

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(check.gaps())
                    .extracting(Reading::source)
                    .containsExactly(ORDER, "deduction_line", "deduction_line");
        }

        @Test
        void theExceptionsAreComparedWithEveryReasonOfTheLedgerAddedUp() {
            // 2 + 1 lines; due 39 166 + 8 000; instructed 31 584; shortfall 7 582 + 8 000
            Reading<ExceptionTotals> file = Reading.of(EXCEPTIONS, new ExceptionTotals(3, 47_166, 31_584, 15_582));
            Reading<ExceptionTotals> edited = Reading.of(EXCEPTIONS, new ExceptionTotals(3, 47_166, 32_584, 14_582));

            assertThat(ControlChecks.exceptionsMatchLedger(file, deductionLedger(), SAME_LINES)
                            .outcome())
                    .isEqualTo(Outcome.PASS);
            Check check = ControlChecks.exceptionsMatchLedger(edited, deductionLedger(), SAME_LINES);
            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons())
                    .containsExactly(
                            new Comparison(Quantity.EXCEPTIONS_FILE_RECORDS, 3, Quantity.LEDGER_EXCEPTION_LINES, 3),
                            new Comparison(Quantity.EXCEPTIONS_FILE_DUE, 47_166, Quantity.LEDGER_EXCEPTION_DUE, 47_166),
                            new Comparison(
                                    Quantity.EXCEPTIONS_FILE_AMOUNT, 32_584, Quantity.LEDGER_EXCEPTION_AMOUNT, 31_584),
                            new Comparison(
                                    Quantity.EXCEPTIONS_FILE_SHORTFALL,
                                    14_582,
                                    Quantity.LEDGER_EXCEPTION_SHORTFALL,
                                    15_582),
                            new Comparison(Quantity.LINES_DIFFERING_FROM_LEDGER, 0, Quantity.NONE, 0));
        }

        @Test
        void theReconciliationIsComparedWithEveryStatusOfTheLedgerAddedUp() {
            // 37 + 4 rows; expected 375 739 + 39 416; withheld 375 739 + 35 832; posted 375 739 + 34 832
            Reading<ReconciliationTotals> file =
                    Reading.of(RECONCILIATION, new ReconciliationTotals(41, 415_155, 411_571, 410_571, 1_000));
            Reading<ReconciliationTotals> refundHidden =
                    Reading.of(RECONCILIATION, new ReconciliationTotals(41, 415_155, 411_571, 411_571, 0));

            assertThat(ControlChecks.reconciliationMatchesLedger(file, reconciliationLedger(), SAME_LINES)
                            .outcome())
                    .isEqualTo(Outcome.PASS);
            Check check = ControlChecks.reconciliationMatchesLedger(refundHidden, reconciliationLedger(), SAME_LINES);
            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons())
                    .filteredOn(c -> !c.agrees())
                    .containsExactly(
                            new Comparison(Quantity.RECONCILIATION_POSTED, 411_571, Quantity.LEDGER_POSTED, 410_571),
                            new Comparison(Quantity.RECONCILIATION_REFUND_DUE, 0, Quantity.LEDGER_REFUND_DUE, 1_000));
        }

        @Test
        void theArrearsAreComparedWithEveryBucketOfTheLedgerAddedUp() {
            Reading<ArrearsTotals> file = Reading.of(ARREARS, new ArrearsTotals(6, 45_747, 868_416));
            Reading<ArrearsTotals> lineRemoved = Reading.of(ARREARS, new ArrearsTotals(5, 30_498, 768_416));

            assertThat(ControlChecks.arrearsMatchLedger(file, reconciliationLedger(), SAME_LINES)
                            .outcome())
                    .isEqualTo(Outcome.PASS);
            assertThat(ControlChecks.arrearsMatchLedger(lineRemoved, reconciliationLedger(), SAME_LINES)
                            .comparisons())
                    .filteredOn(c -> !c.agrees())
                    .extracting(Comparison::left)
                    .containsExactly(
                            Quantity.ARREARS_FILE_RECORDS,
                            Quantity.ARREARS_FILE_OVERDUE,
                            Quantity.ARREARS_FILE_OUTSTANDING);
            assertThat(ControlChecks.arrearsMatchLedger(
                                    file,
                                    Reading.missing("reconciliation_line"),
                                    Reading.missing("reconciliation_line"))
                            .outcome())
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }
    }

    @Nested
    class LedgerAgreesWithItself {

        @Test
        void passesWhenEveryContractAgrees() {
            Check check = ControlChecks.ledgerBalances(new Balances(50, 410_571, 410_571, 0, 0, 0));

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons())
                    .containsExactly(
                            new Comparison(Quantity.LEDGER_COLLECTED, 410_571, Quantity.LEDGER_POSTINGS, 410_571),
                            new Comparison(Quantity.CONTRACTS_NOT_SUM_OF_POSTINGS, 0, Quantity.NONE, 0),
                            new Comparison(Quantity.SETTLED_WITH_OUTSTANDING, 0, Quantity.NONE, 0),
                            new Comparison(Quantity.OPEN_OUT_OF_RANGE, 0, Quantity.NONE, 0));
        }

        @Test
        void failsOnOneContractEvenWhenTheTotalsAgree() {
            // 1 000 moved from one contract's balance to another's
            Check check = ControlChecks.ledgerBalances(new Balances(50, 410_571, 410_571, 2, 0, 0));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons())
                    .filteredOn(c -> !c.agrees())
                    .containsExactly(new Comparison(Quantity.CONTRACTS_NOT_SUM_OF_POSTINGS, 2, Quantity.NONE, 0));
        }

        @Test
        void failsOnASettledContractWithSomethingOutstandingOrAnOpenOnePaidOff() {
            assertThat(ControlChecks.ledgerBalances(new Balances(50, 0, 0, 0, 1, 0))
                            .outcome())
                    .isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.ledgerBalances(new Balances(50, 0, 0, 0, 0, 1))
                            .outcome())
                    .isEqualTo(Outcome.FAIL);
        }
    }

    @Test
    void aPeriodWithNothingRunHasEveryCheckNotAvailableButTheLedgersOwn() {
        PeriodFigures nothing = new PeriodFigures(
                Period.parse("2026-04"),
                List.of(),
                Reading.missing(ORDER),
                Reading.missing(MANIFEST),
                Reading.missing(EXCEPTIONS),
                Reading.missing(RECONCILIATION),
                Reading.missing(ARREARS),
                Reading.missing("withheld-2026-04.csv"),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                new Portfolio(0, 0, 0, 0, 0),
                new Balances(0, 0, 0, 0, 0, 0),
                new DifferingRows(
                        Reading.missing("deduction_line"),
                        Reading.missing("deduction_line"),
                        Reading.missing("reconciliation_line"),
                        Reading.missing("arrears_line")),
                LifeEventFigures.none(false));

        List<Check> checks = ControlChecks.of(nothing);

        assertThat(checks).extracting(Check::kind).containsExactly(Kind.values());
        assertThat(checks.subList(0, 9)).extracting(Check::outcome).containsOnly(Outcome.NOT_AVAILABLE);
        assertThat(checks.subList(9, 11))
                .extracting(Check::kind)
                .containsExactly(Kind.LEDGER_BALANCES, Kind.MONEY_BALANCES);
        assertThat(checks.subList(9, 11))
                .extracting(Check::outcome)
                .as("the ledger is always there to check")
                .containsOnly(Outcome.PASS);
    }
}
