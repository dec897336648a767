package org.smartphone.payroll.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.report.PeriodFigures.BatchLine;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.PostingRun;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.RefundLine;
import org.smartphone.payroll.report.PeriodFigures.RunLine;
import org.smartphone.payroll.report.PeriodFigures.StateLine;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.report.PeriodFigures.StopLine;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;

/**
 * The plain-text period report, in English: what was instructed and why not more, what came back and
 * how it was posted, arrears by bucket, and the portfolio. It renders the figures the HTML page shows
 * ({@link PeriodFigures}, read once by {@link PeriodReport}), so that the two never disagree; only the
 * reasons, statuses and buckets that hold a row are listed, in code point order. The money outside the
 * payroll (SPEC 7) is printed when the period has any: runs that posted in it, stops, refund items
 * created, refund batches; the portfolio names written-off and cancelled contracts and refund items
 * once the ledger holds any.
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
        lifeEvents(out, p, figures);
        out.append("\nPortfolio now\n");
        Portfolio portfolio = figures.portfolio();
        out.append(String.format(
                "  open contracts %d, settled %d, collected to date %s F, outstanding %s F%n",
                portfolio.openContracts(),
                portfolio.settledContracts(),
                francs(portfolio.collectedXof()),
                francs(portfolio.outstandingXof())));
        LifeEvents life = figures.lifeEvents();
        StateLine writtenOff = state(life, ContractState.WRITTEN_OFF);
        StateLine cancelled = state(life, ContractState.CANCELLED);
        if (writtenOff.count() + cancelled.count() > 0) {
            out.append(String.format(
                    "  written off %d (written off %s F, recovered %s F), cancelled %d%n",
                    writtenOff.count(),
                    francs(writtenOff.writtenOffXof()),
                    francs(writtenOff.recoveredXof()),
                    cancelled.count()));
        }
        List<RefundLine> refunds = held(life.refundsNow(), RefundLine::count, RefundLine::status);
        if (!refunds.isEmpty()) {
            out.append("  refund items:");
            String separator = " ";
            for (RefundLine refund : life.refundsNow()) {
                out.append(separator)
                        .append(refund.status())
                        .append(' ')
                        .append(refund.count())
                        .append(" (")
                        .append(francs(refund.amountXof()))
                        .append(" F)");
                separator = ", ";
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static StateLine state(LifeEvents life, ContractState state) {
        return life.states().stream()
                .filter(line -> line.state().equals(state.name()))
                .findFirst()
                .orElse(new StateLine(state.name(), 0, 0, 0, 0));
    }

    /**
     * The money of the period outside the payroll, when there is any: runs that posted in it, its
     * stops, the refund items it created and the refund batches made while it was open.
     */
    private static void lifeEvents(StringBuilder out, String p, PeriodFigures figures) {
        LifeEvents life = figures.lifeEvents();
        List<StopLine> stops = held(life.stops(), StopLine::count, StopLine::reason);
        List<RefundLine> refunds = held(life.refundsCreated(), RefundLine::count, RefundLine::status);
        if (life.postingRuns().isEmpty()
                && stops.isEmpty()
                && refunds.isEmpty()
                && life.batches().isEmpty()) {
            return;
        }
        out.append("\nMoney outside the payroll\n");
        for (PostingRun run : life.postingRuns()) {
            out.append(String.format(
                    "  %-30s %8d %-4s  %s %s F  posted %s F  refund due %s F%n",
                    PeriodReport.mainFile(run.kind(), figures.period(), run.runNumber()),
                    run.rows(),
                    Counted.noun(run.rows(), "row"),
                    // a payment's amount is money received; an action's is what it concerns
                    run.kind() == RunKind.PAYMENTS ? "received" : "amount",
                    francs(run.amountXof()),
                    francs(run.postedXof()),
                    francs(run.refundDueXof())));
        }
        for (StopLine stop : stops) {
            out.append(String.format(
                    "  %-30s %8d %-4s  ordered %s F  in force %s F%n",
                    "stops " + stop.reason(),
                    stop.count(),
                    Counted.noun(stop.count(), "row"),
                    francs(stop.orderedXof()),
                    francs(stop.amountXof())));
        }
        if (!stops.isEmpty()) {
            out.append(String.format(
                    "  %-30s %8d %-4s  taken off the order %s F%n",
                    "contracts stopped",
                    life.stopsInForce().contracts(),
                    "",
                    francs(life.stopsInForce().reductionXof())));
        }
        for (RefundLine refund : refunds) {
            out.append(String.format(
                    "  %-30s %8d %-4s  original %s F  amount %s F%n",
                    "refund items " + refund.status(),
                    refund.count(),
                    Counted.noun(refund.count(), "item"),
                    francs(refund.originalXof()),
                    francs(refund.amountXof())));
        }
        for (BatchLine batch : life.batches()) {
            out.append(String.format(
                    "  %-30s %8d %-4s  amount %s F%n",
                    PeriodReport.refundsFile(batch),
                    batch.items(),
                    Counted.noun(batch.items(), "item"),
                    francs(batch.amountXof())));
        }
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
