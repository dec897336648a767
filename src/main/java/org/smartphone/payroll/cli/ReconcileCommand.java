package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reconcile --period YYYY-MM [--file F]}: the reconciliation run (SPEC 4). */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconciliation run: compares the withholding return with the deduction order, posts what"
                + " was withheld, writes the reconciliation and arrears files to outbox/YYYY-MM/.")
final class ReconcileCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "The payroll month.")
    private Period period;

    @Option(names = "--file", paramLabel = "F",
            description = "The withholding return. Default: inbox/withheld-YYYY-MM.csv")
    private Path file;

    @Option(names = "--max-rejects", paramLabel = "N",
            description = "Invalid lines tolerated before the run fails. Default: the max-rejects setting.")
    private Long maxRejects;

    ReconcileCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openEngine();
                RunLock.Held lock = engine.bean(RunLock.class).acquire("reconcile --period " + period)) {
            engine.bean(PeriodGuard.class).checkReconciliationAllowed(period);
            InputChoice input = InputChoice.of(root.home(), file, "withheld-" + period + ".csv");
            long rejects = maxRejects != null ? maxRejects : engine.bean(PayrollSettings.class).maxRejects();
            return RunCommand.report(engine.bean(RunLauncher.class).launch(RunKind.RECONCILIATION, period,
                    input.path(), input.fromInbox(), rejects), System.out, System.err);
        }
    }
}
