package org.smartphone.payroll.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.RunLine;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;

/**
 * The plain-text period report, in English: what was instructed and why not more, what came back and
 * how it was posted, arrears by bucket, and the portfolio. It renders the figures the HTML page shows
 * ({@link PeriodFigures}, read once by {@link PeriodReport}), so that the two never disagree; only the
 * reasons, statuses and buckets that hold a row are listed, in code point order.
 */
final class PeriodText {

    private PeriodText() {}

    static String of(PeriodFigures figures) {
        String p = figures.period().toString();
        StringBuilder out = new StringBuilder();
        out.append("Period report ")
                .append(p)
                .append('\n')
                .append("=".repeat(20))
                .append("\n\n");
        out.append("Deduction run: ")
                .append(runState(figures.runs(), RunKind.DEDUCTION))
                .append('\n');
        figures.deduction().ifPresent(d -> deduction(out, d));
        out.append("\nReconciliation run: ")
                .append(runState(figures.runs(), RunKind.RECONCILIATION))
                .append('\n');
        figures.reconciliation().ifPresent(r -> reconciliation(out, r));
        out.append("\nPortfolio now\n");
        Portfolio portfolio = figures.portfolio();
        out.append(String.format(
                "  open contracts %d, settled %d, collected to date %s F, outstanding %s F%n",
                portfolio.openContracts(),
                portfolio.settledContracts(),
                francs(portfolio.collectedXof()),
                francs(portfolio.outstandingXof())));
        return out.toString();
    }

    /** Only a run that reached the ledger has figures: lines of an unfinished run are not the period's. */
    private static void deduction(StringBuilder out, DeductionFigures d) {
        out.append(line("contracts with a due", d.contractsWithDue(), "due", d.dueXof()));
        out.append(
                String.format("  %-30s %8s       %s %s F%n", "", "", "of which arrears", francs(d.arrearsPartXof())));
        out.append(line("deduction order", d.orderLines(), "amount", d.orderAmountXof()));
        for (ReasonLine reason : held(d.exceptions(), ReasonLine::count, ReasonLine::reason)) {
            out.append(line("exceptions " + reason.reason(), reason.count(), "shortfall", reason.shortfallXof()));
        }
    }

    private static void reconciliation(StringBuilder out, ReconciliationFigures r) {
        for (StatusLine status : held(r.statuses(), StatusLine::count, StatusLine::status)) {
            out.append(String.format(
                    "  %-30s %8d %-4s  expected %15s  withheld %15s  posted %15s" + "  refund due %12s%n",
                    status.status(),
                    status.count(),
                    Counted.noun(status.count(), "row"),
                    francs(status.expectedXof()),
                    francs(status.withheldXof()),
                    francs(status.postedXof()),
                    francs(status.refundDueXof())));
        }
        out.append("\nArrears after reconciliation\n");
        for (BucketLine bucket : held(r.buckets(), BucketLine::count, BucketLine::bucket)) {
            out.append(line(bucket.bucket(), bucket.count(), "overdue", bucket.overdueXof()));
        }
    }

    /** The lines that hold at least one row, by name in code point order (the ledger's codes are ASCII). */
    private static <L> List<L> held(List<L> lines, ToLongFunction<L> count, Function<L, String> name) {
        return lines.stream()
                .filter(line -> count.applyAsLong(line) > 0)
                .sorted(Comparator.comparing(name))
                .toList();
    }

    /** The latest run of a kind in the period: its state, number and input, or "not run". */
    private static String runState(List<RunLine> runs, RunKind kind) {
        Optional<RunLine> run = runs.stream().filter(r -> r.kind() == kind).findFirst();
        return run.map(r -> r.state() + " (run " + r.runId() + ", " + r.inputName() + ")")
                .orElse("not run");
    }

    private static String line(String label, long count, String amountLabel, long amount) {
        return String.format(
                "  %-30s %8d %-4s  %s %s F%n", label, count, Counted.noun(count, "row"), amountLabel, francs(amount));
    }

    /** Francs grouped by threes with spaces, as treasury writes them: 1 234 567. */
    private static String francs(long amount) {
        return Francs.grouped(amount);
    }
}
