package org.smartphone.payroll.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.smartphone.payroll.report.PeriodFigures.ArrearsTotals;
import org.smartphone.payroll.report.PeriodFigures.Balances;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.ExceptionTotals;
import org.smartphone.payroll.report.PeriodFigures.MoneyOfPeriod;
import org.smartphone.payroll.report.PeriodFigures.OrderTotals;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationTotals;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.report.PeriodFigures.StopsInForce;

/**
 * The auditors' control checks of a period, computed from the figures read back from the files
 * and the ledger (never copied from what a run said about itself):
 *
 * <ol type="a">
 * <li>the deduction order's total and record count equal those of its manifest;</li>
 * <li>the reconciliation's expected total equals the deduction order's total less what the stops of
 * the period took off it: order total − Σ (ordered − amount in force) (SPEC 7.7);</li>
 * <li>the reconciliation's withheld total equals the withholding return's total;</li>
 * <li>posted plus refund due equals withheld;</li>
 * <li>every file's SHA-256, recomputed, equals its seal (sidecar and manifest, or the ledger);</li>
 * <li>the deduction order's records and total equal the ledger's order lines, line by line;</li>
 * <li>the exceptions file's records and totals equal the ledger's exception lines, line by line;</li>
 * <li>the reconciliation file's records and totals equal the ledger's reconciliation rows, line by line;</li>
 * <li>the arrears file's records and totals equal the ledger's arrears lines, line by line;</li>
 * <li>the ledger agrees with itself: every contract has collected the sum of its postings and ledger
 * entries (and written off and recovered the sums of its entries), a settled one has nothing
 * outstanding, an open one something;</li>
 * <li>the money of the period balances (SPEC 7.7), over every run that posted in it: withheld (the
 * return) + supplement deltas + payments − payments reversed = posted + refunds due created − refund
 * reductions.</li>
 * </ol>
 *
 * A check whose data is missing is NOT_AVAILABLE, never PASS; one whose data cannot be read FAILS.
 *
 * <p>Seals (a to e) show a file is the one its run described; anyone who can write the folder can
 * rewrite a file with its sidecar and manifest. Checks f to i compare each file with the ledger,
 * which only the database's own access control protects, and j and k compare the ledger with itself
 * (k with the return too).
 */
public final class ControlChecks {

    private ControlChecks() {}

    /** The checks, in the order above. */
    public enum Kind {
        ORDER_MATCHES_MANIFEST("a"),
        RECONCILIATION_EXPECTS_ORDER("b"),
        WITHHELD_MATCHES_RETURN("c"),
        POSTED_PLUS_REFUND_IS_WITHHELD("d"),
        FILE_DIGESTS("e"),
        ORDER_MATCHES_LEDGER("f"),
        EXCEPTIONS_MATCH_LEDGER("g"),
        RECONCILIATION_MATCHES_LEDGER("h"),
        ARREARS_MATCH_LEDGER("i"),
        LEDGER_BALANCES("j"),
        MONEY_BALANCES("k");

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
        PASS,
        FAIL,
        NOT_AVAILABLE;

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
        POSTED_PLUS_REFUND(true),
        LEDGER_ORDER_LINES(false),
        LEDGER_ORDER_AMOUNT(true),
        EXCEPTIONS_FILE_RECORDS(false),
        EXCEPTIONS_FILE_DUE(true),
        EXCEPTIONS_FILE_AMOUNT(true),
        EXCEPTIONS_FILE_SHORTFALL(true),
        LEDGER_EXCEPTION_LINES(false),
        LEDGER_EXCEPTION_DUE(true),
        LEDGER_EXCEPTION_AMOUNT(true),
        LEDGER_EXCEPTION_SHORTFALL(true),
        RECONCILIATION_FILE_RECORDS(false),
        RECONCILIATION_POSTED(true),
        RECONCILIATION_REFUND_DUE(true),
        LEDGER_RECONCILIATION_ROWS(false),
        LEDGER_EXPECTED(true),
        LEDGER_WITHHELD(true),
        LEDGER_POSTED(true),
        LEDGER_REFUND_DUE(true),
        ARREARS_FILE_RECORDS(false),
        ARREARS_FILE_OVERDUE(true),
        ARREARS_FILE_OUTSTANDING(true),
        LEDGER_ARREARS_LINES(false),
        LEDGER_OVERDUE(true),
        LEDGER_OUTSTANDING(true),
        LEDGER_COLLECTED(true),
        LEDGER_POSTINGS(true),
        CONTRACTS_NOT_SUM_OF_POSTINGS(false),
        SETTLED_WITH_OUTSTANDING(false),
        OPEN_OUT_OF_RANGE(false),
        LINES_DIFFERING_FROM_LEDGER(false),
        ORDER_AMOUNT_IN_FORCE(true),
        MONEY_RECEIVED(true),
        MONEY_ACCOUNTED(true),
        NONE(false);

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

    /** Every check of the period, a to k. */
    public static List<Check> of(PeriodFigures figures) {
        List<FileDigest> digests = new ArrayList<>(figures.inputs());
        digests.addAll(figures.outputs());
        Reading<DeductionFigures> deduction = inLedger("deduction_line", figures.deduction());
        Reading<ReconciliationFigures> reconciliation = inLedger("reconciliation_line", figures.reconciliation());
        return List.of(
                orderMatchesManifest(figures.orderFile(), figures.orderManifest()),
                reconciliationExpectsOrder(
                        figures.reconciliationFile(),
                        figures.orderFile(),
                        figures.lifeEvents().stopsInForce()),
                withheldMatchesReturn(figures.reconciliationFile(), figures.withholdingReturn()),
                postedPlusRefundIsWithheld(figures.reconciliationFile()),
                fileDigests(digests),
                orderMatchesLedger(
                        figures.orderFile(), deduction, figures.differingRows().order()),
                exceptionsMatchLedger(
                        figures.exceptionsFile(),
                        deduction,
                        figures.differingRows().exceptions()),
                reconciliationMatchesLedger(
                        figures.reconciliationFile(),
                        reconciliation,
                        figures.differingRows().reconciliation()),
                arrearsMatchLedger(
                        figures.arrearsFile(),
                        reconciliation,
                        figures.differingRows().arrears()),
                ledgerBalances(figures.balances()),
                moneyBalances(figures.withholdingReturn(), figures.lifeEvents().money()));
    }

    /** The checks that failed, in order. */
    public static List<Check> failed(List<Check> checks) {
        return checks.stream().filter(c -> c.outcome() == Outcome.FAIL).toList();
    }

    /** A run's figures in the ledger, or missing when the run has not reached it. */
    private static <T> Reading<T> inLedger(String table, Optional<T> figures) {
        return figures.map(f -> Reading.of(table, f)).orElseGet(() -> Reading.missing(table));
    }

    /** (a) The sum of amount_xof and the record count of the deduction order equal its manifest's. */
    public static Check orderMatchesManifest(Reading<OrderTotals> orderFile, Reading<OrderTotals> manifest) {
        return check(
                Kind.ORDER_MATCHES_MANIFEST,
                List.of(orderFile, manifest),
                () -> List.of(
                        new Comparison(
                                Quantity.ORDER_FILE_AMOUNT,
                                orderFile.value().amountXof(),
                                Quantity.MANIFEST_AMOUNT,
                                manifest.value().amountXof()),
                        new Comparison(
                                Quantity.ORDER_FILE_RECORDS,
                                orderFile.value().records(),
                                Quantity.MANIFEST_RECORDS,
                                manifest.value().records())));
    }

    /**
     * (b) What the reconciliation expected is what the deduction order instructed, less what the stops
     * of the period took off it (SPEC 4: it expects the amount in force of each order line).
     */
    public static Check reconciliationExpectsOrder(
            Reading<ReconciliationTotals> reconciliation, Reading<OrderTotals> orderFile, StopsInForce stops) {
        return check(
                Kind.RECONCILIATION_EXPECTS_ORDER,
                List.of(reconciliation, orderFile),
                () -> List.of(new Comparison(
                        Quantity.RECONCILIATION_EXPECTED,
                        reconciliation.value().expectedXof(),
                        Quantity.ORDER_AMOUNT_IN_FORCE,
                        Math.subtractExact(orderFile.value().amountXof(), stops.reductionXof()))));
    }

    /** (c) What the reconciliation says was withheld is what the withholding return says. */
    public static Check withheldMatchesReturn(
            Reading<ReconciliationTotals> reconciliation, Reading<ReturnTotal> withholdingReturn) {
        return check(
                Kind.WITHHELD_MATCHES_RETURN,
                List.of(reconciliation, withholdingReturn),
                () -> List.of(new Comparison(
                        Quantity.RECONCILIATION_WITHHELD,
                        reconciliation.value().withheldXof(),
                        Quantity.RETURN_WITHHELD,
                        withholdingReturn.value().withheldXof())));
    }

    /** (d) Every franc withheld was either posted or is to be refunded. */
    public static Check postedPlusRefundIsWithheld(Reading<ReconciliationTotals> reconciliation) {
        return check(Kind.POSTED_PLUS_REFUND_IS_WITHHELD, List.of(reconciliation), () -> {
            ReconciliationTotals totals = reconciliation.value();
            return List.of(new Comparison(
                    Quantity.POSTED_PLUS_REFUND,
                    Math.addExact(totals.postedXof(), totals.refundDueXof()),
                    Quantity.RECONCILIATION_WITHHELD,
                    totals.withheldXof()));
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

    /** (f) The deduction order as published is the ledger's: lines with an amount above 0 (SPEC 3). */
    public static Check orderMatchesLedger(
            Reading<OrderTotals> orderFile, Reading<DeductionFigures> ledger, Reading<Long> differing) {
        return check(
                Kind.ORDER_MATCHES_LEDGER,
                List.of(orderFile, ledger, differing),
                () -> List.of(
                        new Comparison(
                                Quantity.ORDER_FILE_RECORDS,
                                orderFile.value().records(),
                                Quantity.LEDGER_ORDER_LINES,
                                ledger.value().orderLines()),
                        new Comparison(
                                Quantity.ORDER_FILE_AMOUNT,
                                orderFile.value().amountXof(),
                                Quantity.LEDGER_ORDER_AMOUNT,
                                ledger.value().orderAmountXof()),
                        rowsDiffering(differing)));
    }

    /** Lines of a file that differ from the ledger row at the same place: none. */
    private static Comparison rowsDiffering(Reading<Long> differing) {
        return new Comparison(Quantity.LINES_DIFFERING_FROM_LEDGER, differing.value(), Quantity.NONE, 0);
    }

    /** (g) The exceptions file as published is the ledger's: lines instructed below their due (SPEC 3). */
    public static Check exceptionsMatchLedger(
            Reading<ExceptionTotals> exceptionsFile, Reading<DeductionFigures> ledger, Reading<Long> differing) {
        return check(Kind.EXCEPTIONS_MATCH_LEDGER, List.of(exceptionsFile, ledger, differing), () -> {
            ExceptionTotals file = exceptionsFile.value();
            long[] sums = new long[4];
            for (ReasonLine reason : ledger.value().exceptions()) {
                sums[0] += reason.count();
                sums[1] = Math.addExact(sums[1], reason.dueXof());
                sums[2] = Math.addExact(sums[2], reason.amountXof());
                sums[3] = Math.addExact(sums[3], reason.shortfallXof());
            }
            return List.of(
                    new Comparison(
                            Quantity.EXCEPTIONS_FILE_RECORDS, file.records(), Quantity.LEDGER_EXCEPTION_LINES, sums[0]),
                    new Comparison(Quantity.EXCEPTIONS_FILE_DUE, file.dueXof(), Quantity.LEDGER_EXCEPTION_DUE, sums[1]),
                    new Comparison(
                            Quantity.EXCEPTIONS_FILE_AMOUNT,
                            file.amountXof(),
                            Quantity.LEDGER_EXCEPTION_AMOUNT,
                            sums[2]),
                    new Comparison(
                            Quantity.EXCEPTIONS_FILE_SHORTFALL,
                            file.shortfallXof(),
                            Quantity.LEDGER_EXCEPTION_SHORTFALL,
                            sums[3]),
                    rowsDiffering(differing));
        });
    }

    /** (h) The reconciliation file as published is the ledger's reconciliation rows (SPEC 4). */
    public static Check reconciliationMatchesLedger(
            Reading<ReconciliationTotals> reconciliationFile,
            Reading<ReconciliationFigures> ledger,
            Reading<Long> differing) {
        return check(Kind.RECONCILIATION_MATCHES_LEDGER, List.of(reconciliationFile, ledger, differing), () -> {
            ReconciliationTotals file = reconciliationFile.value();
            long[] sums = new long[5];
            for (StatusLine status : ledger.value().statuses()) {
                sums[0] += status.count();
                sums[1] = Math.addExact(sums[1], status.expectedXof());
                sums[2] = Math.addExact(sums[2], status.withheldXof());
                sums[3] = Math.addExact(sums[3], status.postedXof());
                sums[4] = Math.addExact(sums[4], status.refundDueXof());
            }
            return List.of(
                    new Comparison(
                            Quantity.RECONCILIATION_FILE_RECORDS,
                            file.records(),
                            Quantity.LEDGER_RECONCILIATION_ROWS,
                            sums[0]),
                    new Comparison(
                            Quantity.RECONCILIATION_EXPECTED, file.expectedXof(), Quantity.LEDGER_EXPECTED, sums[1]),
                    new Comparison(
                            Quantity.RECONCILIATION_WITHHELD, file.withheldXof(), Quantity.LEDGER_WITHHELD, sums[2]),
                    new Comparison(Quantity.RECONCILIATION_POSTED, file.postedXof(), Quantity.LEDGER_POSTED, sums[3]),
                    new Comparison(
                            Quantity.RECONCILIATION_REFUND_DUE,
                            file.refundDueXof(),
                            Quantity.LEDGER_REFUND_DUE,
                            sums[4]),
                    rowsDiffering(differing));
        });
    }

    /** (i) The arrears file as published is the ledger's arrears lines (SPEC 4). */
    public static Check arrearsMatchLedger(
            Reading<ArrearsTotals> arrearsFile, Reading<ReconciliationFigures> ledger, Reading<Long> differing) {
        return check(Kind.ARREARS_MATCH_LEDGER, List.of(arrearsFile, ledger, differing), () -> {
            ArrearsTotals file = arrearsFile.value();
            long[] sums = new long[3];
            for (BucketLine bucket : ledger.value().buckets()) {
                sums[0] += bucket.count();
                sums[1] = Math.addExact(sums[1], bucket.overdueXof());
                sums[2] = Math.addExact(sums[2], bucket.outstandingXof());
            }
            return List.of(
                    new Comparison(
                            Quantity.ARREARS_FILE_RECORDS, file.records(), Quantity.LEDGER_ARREARS_LINES, sums[0]),
                    new Comparison(Quantity.ARREARS_FILE_OVERDUE, file.overdueXof(), Quantity.LEDGER_OVERDUE, sums[1]),
                    new Comparison(
                            Quantity.ARREARS_FILE_OUTSTANDING,
                            file.outstandingXof(),
                            Quantity.LEDGER_OUTSTANDING,
                            sums[2]),
                    rowsDiffering(differing));
        });
    }

    /**
     * (j) The ledger agrees with itself (SPEC 2): what the contracts have collected is what was
     * posted to them, and no contract breaks a rule of its state. The ledger is always there.
     */
    public static Check ledgerBalances(Balances balances) {
        return check(
                Kind.LEDGER_BALANCES,
                List.of(),
                () -> List.of(
                        new Comparison(
                                Quantity.LEDGER_COLLECTED,
                                balances.collectedXof(),
                                Quantity.LEDGER_POSTINGS,
                                balances.postedXof()),
                        new Comparison(
                                Quantity.CONTRACTS_NOT_SUM_OF_POSTINGS, balances.notSumOfPostings(), Quantity.NONE, 0),
                        new Comparison(
                                Quantity.SETTLED_WITH_OUTSTANDING, balances.settledWithOutstanding(), Quantity.NONE, 0),
                        new Comparison(Quantity.OPEN_OUT_OF_RANGE, balances.openOutOfRange(), Quantity.NONE, 0)));
    }

    /**
     * (k) The money of the period balances (SPEC 7.7): what came in (the return of the period, once
     * reconciled, the supplement deltas and the payments, less the payments reversed) is what was posted
     * and what became refunds due, less the refunds reduced. Before the reconciliation of the period,
     * nothing withheld counts yet.
     */
    public static Check moneyBalances(Reading<ReturnTotal> withholdingReturn, MoneyOfPeriod money) {
        return check(
                Kind.MONEY_BALANCES,
                money.reconciled() ? List.of(withholdingReturn) : List.of(),
                () -> List.of(new Comparison(
                        Quantity.MONEY_RECEIVED,
                        moneyReceived(
                                money.reconciled() ? withholdingReturn.value().withheldXof() : 0, money),
                        Quantity.MONEY_ACCOUNTED,
                        moneyAccounted(money))));
    }

    /** Withheld + supplement deltas + payments − payments reversed. */
    public static long moneyReceived(long withheldXof, MoneyOfPeriod money) {
        return Math.subtractExact(
                Math.addExact(Math.addExact(withheldXof, money.supplementDeltasXof()), money.paymentsXof()),
                money.paymentsReversedXof());
    }

    /** Posted + refunds due created − refund reductions. */
    public static long moneyAccounted(MoneyOfPeriod money) {
        return Math.subtractExact(
                Math.addExact(money.postedXof(), money.refundsCreatedXof()), money.refundReductionsXof());
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
