package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartphone.payroll.config.TerminalText;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.report.PeriodReport;
import org.smartphone.payroll.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report --period YYYY-MM}: the period summary for auditors, printed as text, and the HTML
 * page with the control checks written to {@code outbox/YYYY-MM/report-YYYY-MM.html}.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Period report for auditors: counts and"
        + " totals per file and status, arrears by bucket, the portfolio; also writes the HTML page with the"
        + " control checks and SHA-256 of every file to outbox/YYYY-MM/report-YYYY-MM.html.")
final class ReportCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "The payroll month.")
    private Period period;

    ReportCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openEngine()) {
            PeriodReport report = engine.bean(PeriodReport.class);
            System.out.print(TerminalText.lines(report.text(period)));
            Path html = report.writeHtml(period);
            System.out.println(TerminalText.line("HTML report: " + html));
            System.out.println("Report of " + period + " done in " + RunSummary.seconds(root.elapsed()) + ".");
            return 0;
        }
    }
}
