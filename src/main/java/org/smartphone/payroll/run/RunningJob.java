package org.smartphone.payroll.run;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The job this process is running, so that a SIGTERM can ask it to stop: Spring Batch then ends it
 * STOPPED at the next step boundary, and the same command resumes it from there.
 */
public final class RunningJob {

    private static final AtomicReference<Runnable> STOPPER = new AtomicReference<>();

    private RunningJob() {
    }

    static void started(Runnable stopper) {
        STOPPER.set(stopper);
    }

    static void ended() {
        STOPPER.set(null);
    }

    /** Asks the running job, if any, to stop; returns at once. */
    public static void requestStop() {
        Runnable stopper = STOPPER.get();
        if (stopper != null) {
            stopper.run();
        }
    }
}
