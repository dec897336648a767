package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A run of one period on one input file: {@code deduct} and {@code reconcile}. Holds the database,
 * checks that the period may run (before reading any file), then launches the run.
 */
abstract class PeriodRunCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "YYYY-MM",
            converter = PeriodConverter.class,
            description = "The payroll month.")
    private Period period;

    @Option(
            names = "--file",
            paramLabel = "F",
            description = "The input file. Default: the period's file in the inbox.")
    private Path file;

    @Option(
            names = "--max-rejects",
            paramLabel = "N",
            description = "Invalid lines tolerated before the run fails. Default: the max-rejects setting.")
    private Long maxRejects;

    PeriodRunCommand(PayrollCommand root) {
        this.root = root;
    }

    abstract RunKind kind();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (maxRejects != null && maxRejects < 0) {
            throw new ParameterException(spec.commandLine(), "--max-rejects must be 0 or more");
        }
        String command = root.commandLine();
        try (Engine engine = root.openEngine();
                AdvisoryLock lock = engine.bean(RunLock.class).acquire(command)) {
            engine.bean(PeriodGuard.class).check(kind(), period);
            InputChoice input = InputChoice.of(root.home(), file, InboxName.of(kind(), period));
            long rejects = maxRejects != null
                    ? maxRejects
                    : engine.bean(PayrollSettings.class).maxRejects();
            return RunCommand.report(
                    engine.bean(RunLauncher.class)
                            .launch(kind(), period, input.path(), input.fromInbox(), file != null, rejects),
                    root.log(),
                    System.out,
                    System.err);
        }
    }
}
