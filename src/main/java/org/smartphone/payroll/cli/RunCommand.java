package org.smartphone.payroll.cli;

import java.io.PrintStream;
import org.smartphone.payroll.run.RunLauncher.Outcome;
import org.smartphone.payroll.text.TerminalText;

/**
 * Prints how a run ended, on stdout when it completed and on stderr otherwise, and hands it to the
 * command's log; the message names the file and quotes values from it, hence escaped for the terminal.
 */
final class RunCommand {

    private RunCommand() {}

    static int report(Outcome outcome, CommandLog log, PrintStream out, PrintStream err) {
        (outcome.exitCode() == 0 ? out : err).println(TerminalText.lines(outcome.message()));
        log.outcome(outcome.message());
        return outcome.exitCode();
    }
}
