package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.OpenPeriod;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code record-payments [--file F]}: records payments files, each its own run, in the open period (SPEC 7.1). */
@Command(
        name = "record-payments",
        mixinStandardHelpOptions = true,
        description = "Records counter, bank and mobile-money payments in the open period: the file given, or"
                + " every inbox/payments*.csv in name order (after finishing an interrupted run). Stops at the"
                + " first file that does not complete.")
final class RecordPaymentsCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Option(names = "--file", paramLabel = "F", description = "One payments file. Default: inbox/payments*.csv")
    private Path file;

    @Option(
            names = "--max-rejects",
            paramLabel = "N",
            description = "Invalid lines tolerated before the run fails. Default: the max-rejects setting.")
    private Long maxRejects;

    RecordPaymentsCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Home home = root.home();
        try (Engine engine = root.openEngine();
                AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
            engine.bean(PeriodGuard.class).check(RunKind.PAYMENTS, null);
            RunLauncher launcher = engine.bean(RunLauncher.class);
            Optional<RunRecord> unfinished = engine.bean(RunRegistry.class).unfinishedOfAnyPeriod(RunKind.PAYMENTS);
            if (file == null && unfinished.isPresent()) {
                int code = RunCommand.report(
                        launcher.resume(RunKind.PAYMENTS, unfinished.get()), root.log(), System.out, System.err);
                if (code != 0) {
                    return code;
                }
            }
            Period open =
                    engine.bean(OpenPeriod.class).require("The payments run").period();
            List<Path> files =
                    file != null ? List.of(file.toAbsolutePath().normalize()) : InboxName.paymentsFiles(home.inbox());
            if (files.isEmpty()) {
                if (unfinished.isEmpty()) {
                    System.out.println(
                            TerminalText.line("No payments*.csv file in " + home.inbox() + ": nothing to record."));
                }
                return 0;
            }
            long rejects = maxRejects != null
                    ? maxRejects
                    : engine.bean(PayrollSettings.class).maxRejects();
            return RunCommand.launchEach(
                    launcher, RunKind.PAYMENTS, open, files, home.inbox(), file != null, rejects, root.log());
        }
    }
}
