package org.smartphone.payroll.run;

import java.time.Duration;
import java.time.LocalDateTime;
import org.smartphone.payroll.text.Counted;
import org.springframework.batch.core.job.JobExecution;

/**
 * The line a completed run prints under its outcome, for the operator: what it read and rejected,
 * how long it took and how fast it read. The outcome line above it holds the run's own figures
 * (amounts instructed, withheld, posted...), recorded with the run when it reached the ledger.
 */
public final class RunSummary {

    private RunSummary() {}

    /**
     * @param execution this command's job execution; when it resumed a run whose input had already
     *     been read by an earlier attempt, no rate is given (it would not be this attempt's)
     */
    static String readLine(RunRecord run, JobExecution execution) {
        Duration took = Duration.between(
                execution.getStartTime(),
                execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now());
        String read = run.inputName() + ": " + Counted.of(run.recordsRead(), "line") + " read, " + run.recordsRejected()
                + " rejected";
        boolean readNow =
                execution.getStepExecutions().stream().anyMatch(step -> RunSteps.readsInput(step.getStepName()));
        if (!readNow) {
            return read + " (by an earlier attempt); this attempt took " + seconds(took) + ".";
        }
        return read + "; the run took " + seconds(took) + ", " + perSecond(run.recordsRead(), took) + " lines/s.";
    }

    /** A duration as {@code 12.3 s}, to the tenth of a second. */
    public static String seconds(Duration duration) {
        long tenths = Math.max(0, duration.toMillis()) / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    /** Lines per second, rounded down; a run under a millisecond counts as one millisecond. */
    static long perSecond(long lines, Duration duration) {
        return lines * 1000 / Math.max(1, duration.toMillis());
    }
}
