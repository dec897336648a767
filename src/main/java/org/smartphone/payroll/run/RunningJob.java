package org.smartphone.payroll.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The job this process is running, so that a SIGTERM can ask it to stop: Spring Batch then ends it
 * STOPPED at the next step boundary, and the same command resumes it from there.
 */
public final class RunningJob {

    private static final AtomicReference<Runnable> STOPPER = new AtomicReference<>();
    private static final CountDownLatch STOP_REQUESTED = new CountDownLatch(1);

    private RunningJob() {}

    /**
     * A job that starts after the process was asked to stop is stopped at once (it ends STOPPED before
     * its first step): the request and the start may cross, and neither may be missed.
     */
    static void started(Runnable stopper) {
        STOPPER.set(stopper);
        if (isStopRequested()) {
            stopper.run();
        }
    }

    static void ended() {
        STOPPER.set(null);
    }

    /**
     * Asks the running job, if any, to stop, and tells {@code serve} to stop taking work; returns at
     * once. The process does not start anything new afterwards.
     */
    public static void requestStop() {
        STOP_REQUESTED.countDown();
        Runnable stopper = STOPPER.get();
        if (stopper != null) {
            stopper.run();
        }
    }

    public static boolean isStopRequested() {
        return STOP_REQUESTED.getCount() == 0;
    }

    /** Blocks until the process is asked to stop (SIGTERM): {@code serve} waits here. */
    public static void awaitStopRequest() throws InterruptedException {
        STOP_REQUESTED.await();
    }
}
