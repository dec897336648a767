package org.smartphone.payroll;

import java.util.Map;
import org.smartphone.payroll.cli.PayrollCommand;

/** Entry point of {@code scripts/payroll}: runs one command and exits with its SPEC 6 exit code. */
public final class PayrollMain {

    private PayrollMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /** Runs one command line with the given environment; returns the exit code. */
    public static int run(Map<String, String> environment, String... args) {
        return PayrollCommand.execute(environment, args);
    }
}
