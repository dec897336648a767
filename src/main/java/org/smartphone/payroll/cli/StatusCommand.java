package org.smartphone.payroll.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import picocli.CommandLine.Command;

/** {@code status}: every run, its state, counts and totals. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Lists every run: kind, period, state,"
        + " start and end, records read and rejected, totals.")
final class StatusCommand implements Callable<Integer> {

    private final PayrollCommand root;

    StatusCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openEngine()) {
            List<RunRecord> runs = engine.bean(RunRegistry.class).all();
            if (runs.isEmpty()) {
                System.out.println("No run yet.");
                return 0;
            }
            System.out.printf("%-5s %-15s %-7s %-10s %-19s %-19s %9s %8s  %s%n", "run", "kind", "period", "state",
                    "started", "ended", "read", "rejected", "input / summary");
            for (RunRecord run : runs) {
                System.out.printf("%-5d %-15s %-7s %-10s %-19s %-19s %9d %8d  %s%n", run.runId(),
                        run.kind().label().replace(" run", ""), run.period() == null ? "-" : run.period(), run.state(),
                        run.startedAt().toString().replace('T', ' '),
                        run.endedAt() == null ? "-" : run.endedAt().toString().replace('T', ' '),
                        run.recordsRead(), run.recordsRejected(), run.inputName()
                                + (run.summary() == null ? "" : " | " + run.summary())
                                + (run.message() == null ? "" : " | " + run.message()));
            }
            return 0;
        }
    }
}
