package org.smartphone.payroll.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;

/**
 * The auditors' control checks of a period, computed from the figures read back from the files
 * and the ledger (never copied from what a run said about itself):
 *
 * <ol type="a">
 * <li>the deduction order's total and record count equal those of its manifest;</li>
 * <li>the reconciliation's expected total equals the deduction order's total;</li>
 * <li>the reconciliation's withheld total equals the withholding return's total;</li>
 * <li>posted plus refund due equals withheld;</li>
 * <li>every file's SHA-256, recomputed, equals its seal (sidecar and manifest, or the ledger).</li>
 * </ol>
 *
 * A check whose data is missing is NOT_AVAILABLE, never PASS; one whose data cannot be read FAILS.
 */
public final class ControlChecks {

    private ControlChecks() {
    }

    /** The checks, in the order above. */
    public enum Kind {
        ORDER_MATCHES_MANIFEST("a"),
        RECONCILIATION_EXPECTS_ORDER("b"),
        WITHHELD_MATCHES_RETURN("c"),
        POSTED_PLUS_REFUND_IS_WITHHELD("d"),
        FILE_DIGESTS("e");

        private final String letter;

        Kind(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }
    }

    /** PASS or FAIL, or NOT_AVAILABLE when the data to decide is missing. */
    public enum Outcome {
        PASS, FAIL, NOT_AVAILABLE;

        /** The outcome of several: any failure fails; else anything missing leaves it not available. */
        static Outcome worst(List<Outcome> outcomes) {
            if (outcomes.contains(FAIL)) {
                return FAIL;
            }
            return outcomes.isEmpty() || outcomes.contains(NOT_AVAILABLE) ? NOT_AVAILABLE : PASS;
        }
    }

    /** A figure a check compares; {@code amount} says francs rather than a count. */
    public enum Quantity {
        ORDER_FILE_AMOUNT(true),
        ORDER_FILE_RECORDS(false),
        MANIFEST_AMOUNT(true),
        MANIFEST_RECORDS(false),
        RECONCILIATION_EXPECTED(true),
        RECONCILIATION_WITHHELD(true),
        RETURN_WITHHELD(true),
        POSTED_PLUS_REFUND(true);

        private final boolean amount;

        Quantity(boolean amount) {
            this.amount = amount;
        }

        public boolean amount() {
            return amount;
        }
    }

    /** Two figures that must be equal. */
    public record Comparison(Quantity left, long leftValue, Quantity right, long rightValue) {

        public boolean agrees() {
            return leftValue == rightValue;
        }
    }

    /**
     * One check: its outcome, the figures it compared (none when data was missing or unreadable),
     * and the sources that gave no figures.
     */
    public record Check(Kind kind, Outcome outcome, List<Comparison> comparisons, List<Reading<?>> gaps) {

        public Check {
            comparisons = List.copyOf(comparisons);
            gaps = List.copyOf(gaps);
        }
    }

    /** Every check of the period, a to e. */
    public static List<Check> of(PeriodFigures figures) {
        List<FileDigest> digests = new ArrayList<>(figures.inputs());
        digests.addAll(figures.outputs());
        return List.of(
                orderMatchesManifest(figures.orderFile(), figures.orderManifest()),
                reconciliationExpectsOrder(figures.reconciliationFile(), figures.orderFile()),
                withheldMatchesReturn(figures.reconciliationFile(), figures.withholdingReturn()),
                postedPlusRefundIsWithheld(figures.reconciliationFile()),
                fileDigests(digests));
    }

    /** (a) The sum of amount_xof and the record count of the deduction order equal its manifest's. */
    public static Check orderMatchesManifest(Reading<OrderTotals> orderFile, Reading<OrderTotals> manifest) {
        return check(Kind.ORDER_MATCHES_MANIFEST, List.of(orderFile, manifest), () -> List.of(
                new Comparison(Quantity.ORDER_FILE_AMOUNT, orderFile.value().amountXof(),
                        Quantity.MANIFEST_AMOUNT, manifest.value().amountXof()),
                new Comparison(Quantity.ORDER_FILE_RECORDS, orderFile.value().records(),
                        Quantity.MANIFEST_RECORDS, manifest.value().records())));
    }

    /** (b) What the reconciliation expected is what the deduction order instructed. */
    public static Check reconciliationExpectsOrder(Reading<ReconciliationTotals> reconciliation,
            Reading<OrderTotals> orderFile) {
        return check(Kind.RECONCILIATION_EXPECTS_ORDER, List.of(reconciliation, orderFile), () -> List.of(
                new Comparison(Quantity.RECONCILIATION_EXPECTED, reconciliation.value().expectedXof(),
                        Quantity.ORDER_FILE_AMOUNT, orderFile.value().amountXof())));
    }

    /** (c) What the reconciliation says was withheld is what the withholding return says. */
    public static Check withheldMatchesReturn(Reading<ReconciliationTotals> reconciliation,
            Reading<ReturnTotal> withholdingReturn) {
        return check(Kind.WITHHELD_MATCHES_RETURN, List.of(reconciliation, withholdingReturn), () -> List.of(
                new Comparison(Quantity.RECONCILIATION_WITHHELD, reconciliation.value().withheldXof(),
                        Quantity.RETURN_WITHHELD, withholdingReturn.value().withheldXof())));
    }

    /** (d) Every franc withheld was either posted or is to be refunded. */
    public static Check postedPlusRefundIsWithheld(Reading<ReconciliationTotals> reconciliation) {
        return check(Kind.POSTED_PLUS_REFUND_IS_WITHHELD, List.of(reconciliation), () -> {
            ReconciliationTotals totals = reconciliation.value();
            return List.of(new Comparison(Quantity.POSTED_PLUS_REFUND,
                    Math.addExact(totals.postedXof(), totals.refundDueXof()),
                    Quantity.RECONCILIATION_WITHHELD, totals.withheldXof()));
        });
    }

    /** (e) Every sealed file of the period: PASS only when each one is there and matches its seal. */
    public static Check fileDigests(List<FileDigest> digests) {
        List<Outcome> outcomes = new ArrayList<>();
        for (FileDigest digest : digests) {
            if (digest.seal() != FileDigest.Seal.NONE) {
                outcomes.add(digest(digest));
            }
        }
        return new Check(Kind.FILE_DIGESTS, Outcome.worst(outcomes), List.of(), List.of());
    }

    /**
     * One file: NOT_AVAILABLE when the file or its seal is missing (or nothing seals it), FAIL when
     * the recomputed digest differs from the seal or from the manifest, PASS otherwise.
     */
    public static Outcome digest(FileDigest digest) {
        if (digest.seal() == FileDigest.Seal.NONE || digest.recomputed() == null || digest.recorded() == null) {
            return Outcome.NOT_AVAILABLE;
        }
        boolean sealed = digest.recomputed().equals(digest.recorded());
        boolean listed = digest.manifest() == null || digest.recomputed().equals(digest.manifest());
        return sealed && listed ? Outcome.PASS : Outcome.FAIL;
    }

    private static Check check(Kind kind, List<Reading<?>> sources, Supplier<List<Comparison>> comparisons) {
        List<Reading<?>> gaps = sources.stream().filter(r -> !r.available()).toList();
        if (gaps.stream().anyMatch(r -> r.problem() == Reading.Problem.UNREADABLE)) {
            return new Check(kind, Outcome.FAIL, List.of(), gaps);
        }
        if (!gaps.isEmpty()) {
            return new Check(kind, Outcome.NOT_AVAILABLE, List.of(), gaps);
        }
        List<Comparison> compared = comparisons.get();
        boolean agree = compared.stream().allMatch(Comparison::agrees);
        return new Check(kind, agree ? Outcome.PASS : Outcome.FAIL, compared, List.of());
    }
}
