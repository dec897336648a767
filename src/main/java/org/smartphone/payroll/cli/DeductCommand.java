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

/** {@code deduct --period YYYY-MM [--file F]}: the deduction run (SPEC 3). */
@Command(name = "deduct", mixinStandardHelpOptions = true,
        description = "Deduction run: computes what each open contract owes for the period, caps it by what"
                + " the pay can bear, writes the deduction order and the exceptions to outbox/YYYY-MM/.")
final class DeductCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = PeriodConverter.class,
            description = "The payroll month.")
    private Period period;

    @Option(names = "--file", paramLabel = "F", description = "The payroll register. Default: inbox/payroll-YYYY-MM.csv")
    private Path file;

    @Option(names = "--max-rejects", paramLabel = "N",
            description = "Invalid lines tolerated before the run fails. Default: the max-rejects setting.")
    private Long maxRejects;

    DeductCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openEngine();
                RunLock.Held lock = engine.bean(RunLock.class).acquire("deduct --period " + period)) {
            engine.bean(PeriodGuard.class).checkDeductionAllowed(period);
            InputChoice input = InputChoice.of(root.home(), file, "payroll-" + period + ".csv");
            long rejects = maxRejects != null ? maxRejects : engine.bean(PayrollSettings.class).maxRejects();
            return RunCommand.report(engine.bean(RunLauncher.class).launch(RunKind.DEDUCTION, period, input.path(),
                    input.fromInbox(), rejects), System.out, System.err);
        }
    }
}
