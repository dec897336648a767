package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodReport;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunState;
import org.smartphone.payroll.run.RunSummary;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --period YYYY-MM}: the period summary for auditors with the control checks, printed
 * as text and written as the HTML page {@code outbox/YYYY-MM/report-YYYY-MM.html}; a failed
 * control check is also said on stderr.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Period report for auditors: counts and"
                + " totals per file and status, arrears by bucket, the portfolio; also writes the HTML page with the"
                + " control checks and SHA-256 of every file to outbox/YYYY-MM/report-YYYY-MM.html. A failed"
                + " control check is also said on stderr (exit 0: the report is done).")
final class ReportCommand implements Callable<Integer> {

    private static final Set<RunState> UNFINISHED = EnumSet.of(RunState.RUNNING, RunState.COMMITTED, RunState.FAILED);
    private static final Set<RunState> NOTHING_DONE =
            EnumSet.of(RunState.REJECTED, RunState.ABANDONED, RunState.REVOKED);

    private final PayrollCommand root;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "YYYY-MM",
            converter = PeriodConverter.class,
            description = "The payroll month.")
    private Period period;

    ReportCommand(PayrollCommand root) {
        this.root = root;
    }

    /**
     * Prints the report and writes the page whatever the checks say. A failed check is a finding of
     * the report, not a failure of the command: SPEC 6 has no exit code for it (0 is "done"), so it is
     * said on stderr, in one line a script can look for ("FAILED"), besides both reports.
     */
    /**
     * A deduction run of M that changed nothing (refused input) or was undone gives nothing to report,
     * unless a run posted in M (payments in the open period before its deduction run);
     * while a revocation is unfinished its run's page may still be in the outbox, where a new page
     * would replace it (SPEC 6: nothing is deleted). Exit 3, nothing written.
     */
    private void refuseWithoutDeduction(List<RunRecord> runs) {
        for (RunRecord run : runs) {
            if (run.kind() == RunKind.REVOKE && UNFINISHED.contains(run.state())) {
                throw new RefusedException("No report for " + period + " while a revocation (run " + run.runId()
                        + ") is unfinished: run the same revoke command again to finish it first. Nothing was"
                        + " written.");
            }
        }
        boolean deducted = runs.stream()
                .anyMatch(run -> run.kind() == RunKind.DEDUCTION
                        && period.toString().equals(run.period())
                        && !NOTHING_DONE.contains(run.state()));
        // the open period before its deduction run: payments may already have posted in it (SPEC 7.0)
        boolean postedIn = runs.stream()
                .anyMatch(run -> run.kind().postsInOpenPeriod()
                        && period.toString().equals(run.period())
                        && run.state().reachedLedger());
        if (!deducted && !postedIn) {
            String missing = runs.stream()
                    .filter(run -> run.kind() == RunKind.DEDUCTION
                            && period.toString().equals(run.period())
                            && run.state() == RunState.REVOKED)
                    .reduce((earlier, later) -> later)
                    .map(run -> "its deduction run (run " + run.runId() + ") was " + run.message())
                    .orElse("no deduction run of " + period);
            throw new RefusedException(
                    "No report for " + period + ": " + missing + " (see status). Nothing was" + " written.");
        }
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openExistingEngine("report")) {
            refuseWithoutDeduction(engine.bean(RunRegistry.class).all());
            PeriodReport.Written report = engine.bean(PeriodReport.class).write(period);
            System.out.print(TerminalText.lines(report.text()));
            Path html = report.html();
            System.out.println(TerminalText.line("HTML report: " + html));
            if (!report.failed().isEmpty()) {
                String letters =
                        report.failed().stream().map(c -> c.kind().letter()).collect(Collectors.joining(", "));
                System.err.println(TerminalText.line("Report of " + period + ": "
                        + report.failed().size()
                        + " control check(s) FAILED (" + letters + "): the files or the ledger no longer agree with"
                        + " what the runs recorded; see the control checks above and in " + html + " ("
                        + RunSummary.seconds(root.elapsed()) + ")."));
                return 0;
            }
            System.out.println("Report of " + period + " done in " + RunSummary.seconds(root.elapsed()) + ".");
            return 0;
        }
    }
}
