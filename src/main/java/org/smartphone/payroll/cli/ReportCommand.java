package org.smartphone.payroll.cli;

import java.util.concurrent.Callable;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.report.PeriodReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report --period YYYY-MM}: the period summary for auditors. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Period report for auditors: counts and"
        + " totals per file and status, arrears by bucket, the portfolio.")
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
            System.out.print(engine.bean(PeriodReport.class).text(period));
            return 0;
        }
    }
}
