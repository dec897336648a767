package org.smartphone.payroll.cli;

import java.io.PrintStream;
import org.smartphone.payroll.run.RunLauncher.Outcome;

/** Prints how a run ended, on stdout when it completed and on stderr otherwise. */
final class RunCommand {

    private RunCommand() {
    }

    static int report(Outcome outcome, PrintStream out, PrintStream err) {
        (outcome.exitCode() == 0 ? out : err).println(outcome.message());
        return outcome.exitCode();
    }
}
