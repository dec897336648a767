package org.smartphone.payroll.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.CloseInboxName;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import-contracts [--file F]}: imports contracts files, each its own run (SPEC 2, 6). */
@Command(
        name = "import-contracts",
        mixinStandardHelpOptions = true,
        description = "Imports contracts: the file given, or every inbox/contracts*.csv in name order (after"
                + " finishing an interrupted import). Stops at the first file that does not complete.")
final class ImportContractsCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Option(names = "--file", paramLabel = "F", description = "One contracts file. Default: inbox/contracts*.csv")
    private Path file;

    @Option(
            names = "--max-rejects",
            paramLabel = "N",
            description = "Invalid lines tolerated before the run fails. Default: the max-rejects setting.")
    private Long maxRejects;

    ImportContractsCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        Home home = root.home();
        try (Engine engine = root.openEngine();
                AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
            engine.bean(PeriodGuard.class).check(RunKind.IMPORT, null);
            RunLauncher launcher = engine.bean(RunLauncher.class);
            Optional<RunRecord> unfinished = engine.bean(RunRegistry.class).unfinishedOfAnyPeriod(RunKind.IMPORT);
            if (file == null && unfinished.isPresent()) {
                int code = RunCommand.report(
                        launcher.resume(RunKind.IMPORT, unfinished.get()), root.log(), System.out, System.err);
                if (code != 0) {
                    return code;
                }
            }
            List<Path> files =
                    file != null ? List.of(file.toAbsolutePath().normalize()) : InboxName.contractsFiles(home.inbox());
            if (files.isEmpty()) {
                String close = CloseInboxName.beside(home.inbox().resolve("contracts.csv"), "the inbox");
                System.out.println(TerminalText.line(
                        "No contracts*.csv file in " + home.inbox() + ": nothing to import" + close + "."));
                return 0;
            }
            long rejects = maxRejects != null
                    ? maxRejects
                    : engine.bean(PayrollSettings.class).maxRejects();
            return RunCommand.launchEach(
                    launcher, RunKind.IMPORT, null, files, home.inbox(), file != null, rejects, root.log());
        }
    }
}
