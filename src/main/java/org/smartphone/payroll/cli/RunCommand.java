package org.smartphone.payroll.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLauncher.Outcome;
import org.smartphone.payroll.text.TerminalText;

/**
 * Prints how a run ended, on stdout when it completed and on stderr otherwise, and hands it to the
 * command's log; the message names the file and quotes values from it, hence escaped for the terminal.
 * Runs the inputs of a command that takes several files one after the other ({@link #launchEach}).
 */
final class RunCommand {

    private RunCommand() {}

    /**
     * Runs each input in turn through the job of {@code kind}, each its own run, and stops at the first
     * that does not complete (import-contracts, record-payments, refunds confirm): its exit code, else 0.
     *
     * @param named whether the files were named with {@code --file} (else taken from the inbox by name)
     */
    static int launchEach(
            RunLauncher launcher,
            RunKind kind,
            Period period,
            List<Path> inputs,
            Path inbox,
            boolean named,
            long maxRejects,
            CommandLog log) {
        for (Path input : inputs) {
            Outcome outcome = launcher.launch(kind, period, input, InputChoice.isIn(inbox, input), named, maxRejects);
            int code = report(outcome, log, System.out, System.err);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    static int report(Outcome outcome, CommandLog log, PrintStream out, PrintStream err) {
        (outcome.exitCode() == 0 ? out : err).println(TerminalText.lines(outcome.message()));
        log.outcome(outcome.message());
        return outcome.exitCode();
    }
}
