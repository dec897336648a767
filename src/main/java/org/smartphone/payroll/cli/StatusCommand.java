package org.smartphone.payroll.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunState;
import org.smartphone.payroll.run.RunSummary;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.TerminalText;
import org.smartphone.payroll.text.Timestamps;
import picocli.CommandLine.Command;

/** {@code status}: every run, its state, counts and totals. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Lists every run: kind, period, state," + " start and end, records read and rejected, totals.")
final class StatusCommand implements Callable<Integer> {

    private final PayrollCommand root;

    StatusCommand(PayrollCommand root) {
        this.root = root;
    }

    /** One line under the table: how many runs there are in each state, unfinished ones first. */
    private static String totals(List<RunRecord> runs) {
        Map<RunState, Long> byState = new EnumMap<>(RunState.class);
        runs.forEach(run -> byState.merge(run.state(), 1L, Long::sum));
        long unfinished = byState.getOrDefault(RunState.RUNNING, 0L)
                + byState.getOrDefault(RunState.COMMITTED, 0L)
                + byState.getOrDefault(RunState.FAILED, 0L);
        return Counted.of(runs.size(), "run") + ": " + unfinished + " unfinished, "
                + byState.getOrDefault(RunState.COMPLETED, 0L) + " completed, "
                + byState.getOrDefault(RunState.REJECTED, 0L) + " rejected, "
                + byState.getOrDefault(RunState.ABANDONED, 0L) + " abandoned, "
                + byState.getOrDefault(RunState.REVOKED, 0L) + " revoked";
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openExistingEngine("status")) {
            List<RunRecord> runs = engine.bean(RunRegistry.class).all();
            if (runs.isEmpty()) {
                System.out.println("No run yet (" + RunSummary.seconds(root.elapsed()) + ").");
                return 0;
            }
            TextTable table = new TextTable(
                    new boolean[] {true, false, false, false, false, false, true, true},
                    "run",
                    "kind",
                    "period",
                    "state",
                    "started",
                    "ended",
                    "read",
                    "rejected",
                    "input / summary");
            for (RunRecord run : runs) {
                table.add(
                        Long.toString(run.runId()),
                        run.kind().label().replace(" run", ""),
                        run.period() == null ? "-" : run.period(),
                        run.state().toString(),
                        Timestamps.toTheSecond(run.startedAt()),
                        run.endedAt() == null ? "-" : Timestamps.toTheSecond(run.endedAt()),
                        Long.toString(run.recordsRead()),
                        Long.toString(run.recordsRejected()),
                        TerminalText.line(run.inputName()
                                + (run.summary() == null ? "" : " | " + run.summary())
                                + (run.message() == null ? "" : " | " + run.message())));
            }
            System.out.print(table.text());
            System.out.println(totals(runs) + " (" + RunSummary.seconds(root.elapsed()) + ").");
            return 0;
        }
    }
}
