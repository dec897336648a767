package org.smartphone.payroll;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.smartphone.payroll.cli.PayrollCommand;
import org.smartphone.payroll.run.RunningJob;

/** Entry point of {@code scripts/payroll}: runs one command and exits with its SPEC 6 exit code. */
public final class PayrollMain {

    private PayrollMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /**
     * Runs one command line with the given environment; returns the exit code. On SIGTERM the
     * running job is asked to stop at its next step boundary, and the JVM waits for the command to
     * end cleanly (STOPPED, resumable) before exiting.
     */
    public static int run(Map<String, String> environment, String... args) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onTerm = new Thread(() -> {
            RunningJob.requestStop();
            try {
                finished.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graceful-stop");
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
