package org.smartphone.payroll;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.smartphone.payroll.cli.PayrollCommand;
import org.smartphone.payroll.run.RunningJob;

/** Entry point of {@code scripts/payroll}: runs one command and exits with its SPEC 6 exit code. */
public final class PayrollMain {

    /** Said on the terminal as soon as the process is asked to stop (README, When something goes wrong). */
    static final String STOPPING =
            "Stop requested: stopping at the end of the current step... (run the same" + " command again to resume)";

    private PayrollMain() {}

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /**
     * Runs one command line with the given environment; returns the exit code. On SIGINT (Ctrl-C) or
     * SIGTERM the running job is asked to stop at its next step boundary, which is said at once (a
     * step can take minutes, and an operator who sees nothing presses Ctrl-C again or kills the
     * process), and the JVM waits for the command to end cleanly (STOPPED, resumable) before exiting
     * with the signal's status: 130 after Ctrl-C, 143 after SIGTERM.
     */
    public static int run(Map<String, String> environment, String... args) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onTerm = new Thread(
                () -> {
                    System.err.println(STOPPING);
                    System.err.flush();
                    RunningJob.requestStop();
                    try {
                        finished.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "graceful-stop");
        Runtime.getRuntime().addShutdownHook(onTerm);
        try {
            return PayrollCommand.execute(environment, args);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onTerm);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs and returns at once
            }
        }
    }
}
