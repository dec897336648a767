package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.refund.RefundFiles;
import org.smartphone.payroll.refund.RefundItems;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code refunds issue}, {@code refunds confirm [--file F]}, {@code refunds release --batch N}: refunds
 * paid back (SPEC 7.2). Each is a run, refused while another run is unfinished and resumed by the same
 * command after an interruption; the files go to {@code outbox/refunds/}.
 */
@Command(
        name = "refunds",
        mixinStandardHelpOptions = true,
        description = "Refunds paid back: issue the refund items due to the bank, confirm those the bank"
                + " paid, release a batch the bank rejected. Files in outbox/refunds/.")
final class RefundsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private RefundsCommand() {}

    /** The {@code refunds} command with its three subcommands. */
    static CommandLine commandLine(PayrollCommand root) {
        return new CommandLine(new RefundsCommand())
                .addSubcommand(new Issue(root))
                .addSubcommand(new Confirm(root))
                .addSubcommand(new Release(root));
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "refunds needs one of issue, confirm or release");
    }

    /** {@code refunds issue}: every DUE item into the next batch, refunds-NNNN.csv. */
    @Command(
            name = "issue",
            mixinStandardHelpOptions = true,
            description = "Lists every refund item due in outbox/refunds/refunds-NNNN.csv (the next batch) for the"
                    + " bank, and marks them instructed. With nothing due, says so and writes nothing.")
    static final class Issue implements Callable<Integer> {

        private final PayrollCommand root;

        Issue(PayrollCommand root) {
            this.root = root;
        }

        @Override
        public Integer call() throws Exception {
            try (Engine engine = root.openEngine();
                    AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
                engine.bean(PeriodGuard.class).check(RunKind.REFUNDS_ISSUE, null);
                boolean resuming = engine.bean(RunRegistry.class)
                        .unfinishedOfAnyPeriod(RunKind.REFUNDS_ISSUE)
                        .isPresent();
                if (!resuming && engine.bean(RefundItems.class).dueCount() == 0) {
                    String message = "No refund item is due: there is nothing to issue, and no file was written.";
                    System.out.println(message);
                    root.log().outcome(message);
                    return 0;
                }
                return RunCommand.report(
                        engine.bean(RunLauncher.class).launchWithoutInput(RunKind.REFUNDS_ISSUE, "refund items due"),
                        root.log(),
                        System.out,
                        System.err);
            }
        }
    }

    /** {@code refunds confirm [--file F]}: refunds the bank paid, from refunds-paid files. */
    @Command(
            name = "confirm",
            mixinStandardHelpOptions = true,
            description = "Records the refunds the bank paid: the file given, or every inbox/refunds-paid*.csv in"
                    + " name order (after finishing an interrupted confirmation), each its own run; writes"
                    + " outbox/refunds/refunds-paid-NNNN.csv. Stops at the first file that does not complete.")
    static final class Confirm implements Callable<Integer> {

        private final PayrollCommand root;

        @Option(
                names = "--file",
                paramLabel = "F",
                description = "One refunds-paid file. Default: inbox/refunds-paid*.csv")
        private Path file;

        @Option(
                names = "--max-rejects",
                paramLabel = "N",
                description = "Invalid lines tolerated before the run fails. Default: the max-rejects setting.")
        private Long maxRejects;

        @Spec
        private CommandSpec spec;

        Confirm(PayrollCommand root) {
            this.root = root;
        }

        @Override
        public Integer call() throws Exception {
            if (maxRejects != null && maxRejects < 0) {
                throw new ParameterException(spec.commandLine(), "--max-rejects must be 0 or more");
            }
            Home home = root.home();
            try (Engine engine = root.openEngine();
                    AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
                engine.bean(PeriodGuard.class).check(RunKind.REFUNDS_CONFIRM, null);
                RunLauncher launcher = engine.bean(RunLauncher.class);
                Optional<RunRecord> unfinished =
                        engine.bean(RunRegistry.class).unfinishedOfAnyPeriod(RunKind.REFUNDS_CONFIRM);
                if (file == null && unfinished.isPresent()) {
                    int code = RunCommand.report(
                            launcher.resume(RunKind.REFUNDS_CONFIRM, unfinished.get()),
                            root.log(),
                            System.out,
                            System.err);
                    if (code != 0) {
                        return code;
                    }
                }
                List<Path> files = file != null
                        ? List.of(file.toAbsolutePath().normalize())
                        : InboxName.refundsPaidFiles(home.inbox());
                if (files.isEmpty()) {
                    System.out.println(TerminalText.line(
                            "No refunds-paid*.csv file in " + home.inbox() + ": nothing to confirm."));
                    return 0;
                }
                long rejects = maxRejects != null
                        ? maxRejects
                        : engine.bean(PayrollSettings.class).maxRejects();
                return RunCommand.launchEach(
                        launcher,
                        RunKind.REFUNDS_CONFIRM,
                        null,
                        files,
                        home.inbox(),
                        file != null,
                        rejects,
                        root.log());
            }
        }
    }

    /** {@code refunds release --batch N}: a batch the bank rejected; its items still instructed are due again. */
    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = "Releases a batch the bank rejected: its refund items still instructed are due again,"
                    + " for a later refunds issue. Those already confirmed paid stay paid.")
    static final class Release implements Callable<Integer> {

        private final PayrollCommand root;

        @Option(
                names = "--batch",
                paramLabel = "N",
                description = "The batch number, as in refunds-NNNN.csv (leading zeros allowed). Required, but to"
                        + " finish an interrupted release.")
        private String batch;

        @Spec
        private CommandSpec spec;

        Release(PayrollCommand root) {
            this.root = root;
        }

        @Override
        public Integer call() throws Exception {
            Integer asked = batch == null ? null : batchNumber();
            try (Engine engine = root.openEngine();
                    AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
                engine.bean(PeriodGuard.class).check(RunKind.REFUNDS_RELEASE, null);
                Optional<RunRecord> unfinished =
                        engine.bean(RunRegistry.class).unfinishedOfAnyPeriod(RunKind.REFUNDS_RELEASE);
                if (asked == null && unfinished.isEmpty()) {
                    throw new ParameterException(
                            spec.commandLine(), "refunds release needs --batch N, the batch the bank rejected");
                }
                int number = asked != null
                        ? asked
                        : RefundFiles.batchOf(unfinished.get().inputName());
                String batchFile = RefundFiles.batchFile(number);
                if (unfinished.isPresent() && !unfinished.get().inputName().equals(batchFile)) {
                    throw new RefusedException("The release of "
                            + unfinished.get().inputName() + " (run "
                            + unfinished.get().runId() + ") is unfinished; run refunds release to finish it first.");
                }
                RefundItems items = engine.bean(RefundItems.class);
                if (unfinished.isEmpty()) {
                    if (!items.batchIssued(number)) {
                        throw new InvalidInputException("There is no batch " + batch + ": " + batchFile + " was never"
                                + " issued. Nothing was changed.");
                    }
                    if (items.instructedCount(number) == 0) {
                        String message = "No refund item of " + batchFile + " is still instructed (all were confirmed"
                                + " paid or released already): there is nothing to release.";
                        System.out.println(message);
                        root.log().outcome(message);
                        return 0;
                    }
                }
                return RunCommand.report(
                        engine.bean(RunLauncher.class).launchWithoutInput(RunKind.REFUNDS_RELEASE, batchFile),
                        root.log(),
                        System.out,
                        System.err);
            }
        }

        /** N: digits only, leading zeros allowed, from 1. */
        private int batchNumber() {
            String digits = batch.strip();
            if (!digits.matches("\\d{1,9}") || Integer.parseInt(digits) == 0) {
                throw new ParameterException(
                        spec.commandLine(), "--batch is a batch number such as 3 or 0003, not '" + batch + "'");
            }
            return Integer.parseInt(digits);
        }
    }
}
