package org.smartphone.payroll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.report.ControlChecks.Check;
import org.smartphone.payroll.report.ControlChecks.Comparison;
import org.smartphone.payroll.report.ControlChecks.Kind;
import org.smartphone.payroll.report.ControlChecks.Outcome;
import org.smartphone.payroll.report.ControlChecks.Quantity;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
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
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private static Reading<OrderTotals> order(long records, long amount) {
        return Reading.of(ORDER, new OrderTotals(records, amount));
    }

    private static Reading<OrderTotals> manifest(long records, long amount) {
        return Reading.of(MANIFEST, new OrderTotals(records, amount));
    }

    private static Reading<ReconciliationTotals> reconciliation(long expected, long withheld, long posted,
            long refund) {
        return Reading.of(RECONCILIATION, new ReconciliationTotals(41, expected, withheld, posted, refund));
    }

    private static Reading<ReturnTotal> returned(long withheld) {
        return Reading.of("withheld-2026-01.csv", new ReturnTotal(ReturnTotal.Source.ARCHIVED_FILE,
                "archive/2026-01/withheld-2026-01.csv", 41, withheld));
    }

    @Nested
    class OrderMatchesManifest {

        @Test
        void passesWhenTotalAndRecordsAgree() {
            Check check = ControlChecks.orderMatchesManifest(order(41, 415_155), manifest(41, 415_155));

            assertThat(check.kind()).isEqualTo(Kind.ORDER_MATCHES_MANIFEST);
            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons()).containsExactly(
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
            Check check = ControlChecks.orderMatchesManifest(Reading.unreadable(ORDER, 7, "amount_xof"),
                    manifest(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.gaps()).singleElement().satisfies(gap -> {
                assertThat(gap.line()).isEqualTo(7);
                assertThat(gap.column()).isEqualTo("amount_xof");
            });
        }

        @Test
        void failsWhenOneSourceIsUnreadableAndTheOtherMissing() {
            Check check = ControlChecks.orderMatchesManifest(Reading.unreadable(ORDER, 2, "amount_xof"),
                    Reading.missing(MANIFEST));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class ReconciliationExpectsOrder {

        @Test
        void passesWhenExpectedIsTheOrderTotal() {
            // UNEXPECTED rows expect 0, so they do not change the sum
            Check check = ControlChecks.reconciliationExpectsOrder(reconciliation(415_155, 411_571, 410_571, 1_000),
                    order(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons()).containsExactly(new Comparison(Quantity.RECONCILIATION_EXPECTED,
                    415_155, Quantity.ORDER_FILE_AMOUNT, 415_155));
        }

        @Test
        void failsWhenTheyDiffer() {
            Check check = ControlChecks.reconciliationExpectsOrder(reconciliation(407_239, 411_571, 410_571, 1_000),
                    order(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void isNotAvailableBeforeTheReconciliation() {
            Check check = ControlChecks.reconciliationExpectsOrder(Reading.missing(RECONCILIATION),
                    order(41, 415_155));

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(check.gaps()).extracting(Reading::source).containsExactly(RECONCILIATION);
        }
    }

    @Nested
    class WithheldMatchesReturn {

        @Test
        void passesWhenTheReturnTotalIsWhatWasWithheld() {
            Check check = ControlChecks.withheldMatchesReturn(reconciliation(415_155, 411_571, 410_571, 1_000),
                    returned(411_571));

            assertThat(check.outcome()).isEqualTo(Outcome.PASS);
            assertThat(check.comparisons()).containsExactly(new Comparison(Quantity.RECONCILIATION_WITHHELD,
                    411_571, Quantity.RETURN_WITHHELD, 411_571));
        }

        @Test
        void passesOnTheLedgersFigureWhenTheArchivedReturnIsGone() {
            Reading<ReturnTotal> ledger = Reading.of("reconciliation_line",
                    new ReturnTotal(ReturnTotal.Source.LEDGER, "reconciliation_line", 40, 411_571));

            assertThat(ControlChecks.withheldMatchesReturn(reconciliation(415_155, 411_571, 410_571, 1_000), ledger)
                    .outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void failsWhenTheyDiffer() {
            Check check = ControlChecks.withheldMatchesReturn(reconciliation(415_155, 411_571, 410_571, 1_000),
                    returned(421_571));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void isNotAvailableBeforeTheReconciliation() {
            Check check = ControlChecks.withheldMatchesReturn(Reading.missing(RECONCILIATION),
                    Reading.missing("withheld-2026-01.csv"));

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
            assertThat(check.comparisons()).containsExactly(new Comparison(Quantity.POSTED_PLUS_REFUND, 411_571,
                    Quantity.RECONCILIATION_WITHHELD, 411_571));
        }

        @Test
        void failsWhenAFrancIsUnaccountedFor() {
            Check check = ControlChecks.postedPlusRefundIsWithheld(reconciliation(415_155, 411_571, 410_571, 999));

            assertThat(check.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(check.comparisons().get(0).leftValue()).isEqualTo(411_570);
        }

        @Test
        void isNotAvailableBeforeTheReconciliation() {
            assertThat(ControlChecks.postedPlusRefundIsWithheld(Reading.missing(RECONCILIATION)).outcome())
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }

        @Test
        void failsWhenTheFileCannotBeRead() {
            assertThat(ControlChecks.postedPlusRefundIsWithheld(Reading.unreadable(RECONCILIATION, 3, "posted_xof"))
                    .outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Nested
    class FileDigests {

        private FileDigest output(String recomputed, String sidecar, String manifest) {
            return new FileDigest(ORDER, "outbox/2026-01", RunKind.DEDUCTION, FileDigest.Seal.SIDECAR, recomputed,
                    sidecar, manifest);
        }

        private FileDigest input(String recomputed, String recorded) {
            return new FileDigest("payroll-2026-01.csv", "archive/2026-01", RunKind.DEDUCTION,
                    FileDigest.Seal.LEDGER, recomputed, recorded, null);
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
            assertThat(ControlChecks.digest(output(SHA_A, "", SHA_A))).as("unreadable sidecar").isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.digest(output(SHA_A, SHA_A, ""))).as("not in the manifest")
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
            assertThat(ControlChecks.digest(input(null, SHA_A))).as("not in the archive")
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }

        @Test
        void checkEIsTheWorstOfTheSealedFiles() {
            FileDigest manifest = new FileDigest(MANIFEST, "outbox/2026-01", RunKind.DEDUCTION,
                    FileDigest.Seal.NONE, SHA_A, null, null);

            assertThat(ControlChecks.fileDigests(List.of(output(SHA_A, SHA_A, SHA_A), input(SHA_A, SHA_A), manifest))
                    .outcome()).as("a manifest has no seal and does not count").isEqualTo(Outcome.PASS);
            assertThat(ControlChecks.fileDigests(List.of(output(SHA_A, SHA_A, SHA_A), input(null, SHA_A)))
                    .outcome()).isEqualTo(Outcome.NOT_AVAILABLE);
            assertThat(ControlChecks.fileDigests(List.of(output(SHA_B, SHA_A, SHA_A), input(null, SHA_A)))
                    .outcome()).isEqualTo(Outcome.FAIL);
            assertThat(ControlChecks.fileDigests(List.of(manifest)).outcome()).as("nothing to check")
                    .isEqualTo(Outcome.NOT_AVAILABLE);
        }
    }

    @Test
    void aPeriodWithNothingRunHasEveryCheckNotAvailable() {
        PeriodFigures nothing = new PeriodFigures(Period.parse("2026-04"), List.of(), Reading.missing(ORDER),
                Reading.missing(MANIFEST), Reading.missing(RECONCILIATION), Reading.missing("withheld-2026-04.csv"),
                List.of(), List.of(), Optional.empty(), Optional.empty(), new Portfolio(0, 0, 0, 0, 0));

        assertThat(ControlChecks.of(nothing)).extracting(Check::kind).containsExactly(Kind.values());
        assertThat(ControlChecks.of(nothing)).extracting(Check::outcome).containsOnly(Outcome.NOT_AVAILABLE);
    }
}
