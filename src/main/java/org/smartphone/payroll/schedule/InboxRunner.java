package org.smartphone.payroll.schedule;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.failure.Failures;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.files.Archive;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.files.RegularFile;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.AlreadyDoneException;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLauncher.Outcome;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunningJob;

/**
 * Runs what an inbox file calls for, one run at a time, exactly as the command for it would: the run
 * lock, the period checks, then {@link RunLauncher#launch} (which resumes an interrupted run of the
 * same file). The ledger decides what is done: a file already processed is refused and moved to
 * {@code rejected/} by the engine, whatever this process remembers. What this class remembers is
 * only when to look at a file again:
 * <ul>
 * <li>exit 0: archived by the run; a reconciliation's period report is written then ({@link PeriodReports});</li>
 * <li>exit 2: moved to {@code rejected/} beside its errors file;</li>
 * <li>exit 3 because the run is already done: moved to {@code rejected/} with the reason;</li>
 * <li>exit 3 because another run must come first: left in the inbox, one log line, tried again when a
 *     run has ended (or after the retry delay, for a run ended by another process);</li>
 * <li>exit 1: left in the inbox, tried again after a delay that doubles up to a maximum.</li>
 * </ul>
 */
final class InboxRunner {

    private static final Logger LOG = LoggerFactory.getLogger(InboxRunner.class);

    private final Home home;
    private final RunLauncher launcher;
    private final PeriodGuard guard;
    private final RunLock runLock;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final ServeSettings serve;
    private final Clock clock;
    private final PeriodReports reports;
    /** The last attempt at each inbox file, by path. */
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    /** The last attempt at resuming each interrupted run whose file has left the inbox, by run id. */
    private final Map<Long, Attempt> resumptions = new ConcurrentHashMap<>();

    private volatile boolean stopping;

    InboxRunner(
            Home home,
            RunLauncher launcher,
            PeriodGuard guard,
            RunLock runLock,
            RunRegistry runs,
            PayrollSettings settings,
            ServeSettings serve,
            Clock clock,
            PeriodReports reports) {
        this.home = home;
        this.launcher = launcher;
        this.guard = guard;
        this.runLock = runLock;
        this.runs = runs;
        this.settings = settings;
        this.serve = serve;
        this.clock = clock;
        this.reports = reports;
    }

    /** Whether the watcher should hand this file over now (the last filter of the inbox adapter). */
    boolean isDue(File file) {
        if (isStopping()) {
            return false;
        }
        Attempt last = attempts.get(file.getPath());
        if (last == null || !last.stamp().equals(Stamp.of(file.toPath()))) {
            return true;
        }
        if (!clock.instant().isBefore(last.notBefore())) {
            return true;
        }
        return last.waiting() && runs.finishedCount() != last.finishedRuns();
    }

    /** Runs one inbox file (from the watcher, or from a deadline of the schedule). */
    synchronized void run(File file) {
        attempts.keySet().removeIf(path -> !Files.exists(Path.of(path)));
        Optional<InboxFile> parsed = InboxFile.of(file.toPath());
        if (isStopping() || parsed.isEmpty() || !Files.isRegularFile(file.toPath(), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        InboxFile input = parsed.get();
        Stamp stamp = Stamp.of(input.path());
        Attempt previous = attempts.get(input.path().toString());
        if (previous == null || !previous.waiting()) {
            LOG.info("{}: starting the {}.", input.name(), describe(input.kind(), input.period()));
        }
        Result outcome = attempt(input.command(), () -> {
            guard.check(input.kind(), input.period());
            return launcher.launch(input.kind(), input.period(), input.path(), true, false, settings.maxRejects());
        });
        String key = input.path().toString();
        switch (outcome.exitCode()) {
            case 0 -> {
                LOG.info("{}: {}", input.name(), outcome.message());
                attempts.put(key, Attempt.done(stamp));
                if (input.kind() == RunKind.RECONCILIATION) {
                    reports.reconciled(input.period());
                }
            }
            case 2 -> {
                attempts.remove(key);
                reject(input, stamp, outcome.message(), "beside its errors file " + input.name() + ".errors.csv");
            }
            case 3 -> refused(input, stamp, outcome);
            default ->
                attempts.put(
                        key,
                        failed(attempts.get(key), input.name(), outcome.message())
                                .at(stamp));
        }
    }

    /**
     * Finishes an interrupted run whose input is no longer in the inbox (it stopped after archiving it,
     * or was started by hand on another file), as the command without {@code --file} would: nothing
     * else in the inbox calls for it. A run whose file is still in the inbox is resumed by running that
     * file.
     */
    synchronized void resumeInterrupted() {
        if (!isStopping()) {
            reports.writePending();
        }
        for (RunKind kind : RunKind.values()) {
            if (isStopping()) {
                return;
            }
            Optional<RunRecord> unfinished = runs.unfinishedOfAnyPeriod(kind);
            if (unfinished.isEmpty()) {
                continue;
            }
            RunRecord run = unfinished.get();
            Path inInbox = home.inbox().resolve(run.inputName());
            Attempt last = resumptions.get(run.runId());
            // a revocation reads no input: the file of the run it revokes, put back in the inbox, waits for it
            if ((kind.readsInput() && InboxFile.of(inInbox).isPresent() && Files.isRegularFile(inInbox))
                    || (last != null
                            && clock.instant().isBefore(last.notBefore())
                            && !(last.waiting() && runs.finishedCount() != last.finishedRuns()))) {
                continue;
            }
            Period period = run.period() == null ? null : Period.parse(run.period());
            String what = describe(kind, period) + " (run " + run.runId() + ", " + run.inputName() + ")";
            if (last == null || !last.waiting()) {
                LOG.info("Resuming the interrupted {}.", what);
            }
            Result outcome = attempt("resume " + what, () -> {
                guard.check(kind, period);
                return launcher.resume(kind, run);
            });
            switch (outcome.exitCode()) {
                case 0 -> {
                    LOG.info("{}", outcome.message());
                    resumptions.remove(run.runId());
                    if (kind == RunKind.RECONCILIATION) {
                        reports.reconciled(period);
                    }
                }
                case 1 -> resumptions.put(run.runId(), failed(last, what, outcome.message()));
                default -> {
                    if (last == null || !outcome.message().equals(last.message())) {
                        LOG.warn("The interrupted {} waits: {}", what, outcome.message());
                    }
                    resumptions.put(
                            run.runId(),
                            Attempt.waiting(
                                    Stamp.NONE,
                                    outcome.message(),
                                    runs.finishedCount(),
                                    clock.instant().plus(serve.retryDelay())));
                }
            }
        }
    }

    /** At serve's start: the report of the latest reconciled month, if it was never written. */
    synchronized void writeMissingReport() {
        if (!isStopping()) {
            reports.catchUp();
        }
    }

    /** Takes no more work and waits for the run in progress, already asked to stop at its next step. */
    void stop() {
        stopping = true;
        synchronized (this) {
            LOG.debug("no run in progress any more");
        }
    }

    private boolean isStopping() {
        return stopping || RunningJob.isStopRequested();
    }

    /** The run behind the same lock as a command, with the command's exit codes for what it throws. */
    private Result attempt(String what, Callable<Outcome> run) {
        try (AdvisoryLock lock = runLock.acquire("serve: " + what)) {
            Outcome outcome = run.call();
            return new Result(outcome.exitCode(), outcome.message(), false);
        } catch (AlreadyDoneException e) {
            return new Result(3, e.getMessage(), true);
        } catch (RefusedException e) {
            return new Result(3, e.getMessage(), false);
        } catch (InvalidInputException e) {
            return new Result(2, e.getMessage(), false);
        } catch (Exception e) {
            LOG.error("Unexpected failure of " + what, e);
            return new Result(1, "The run failed: " + Failures.describe(e) + ". Nothing is lost.", false);
        }
    }

    /** How an attempt ended: the command's exit code and message, and whether the run was already done. */
    private record Result(int exitCode, String message, boolean alreadyDone) {}

    private void refused(InboxFile input, Stamp stamp, Result outcome) {
        String key = input.path().toString();
        if (!Files.exists(input.path())) {
            attempts.remove(key);
            LOG.warn("{}: {} It was moved to {}.", input.name(), outcome.message(), home.rejected());
            return;
        }
        if (outcome.alreadyDone()) {
            attempts.remove(key);
            reject(input, stamp, outcome.message(), "with the reason in " + input.name() + ".reason.txt");
            return;
        }
        Attempt last = attempts.get(key);
        if (last == null || !outcome.message().equals(last.message())) {
            LOG.warn("{} waits in the inbox: {} It runs as soon as that is done.", input.name(), outcome.message());
        }
        attempts.put(
                key,
                Attempt.waiting(
                        stamp,
                        outcome.message(),
                        runs.finishedCount(),
                        clock.instant().plus(serve.retryDelay())));
    }

    /** Logs a failure and says when to try again: after a delay doubling with each failure in a row. */
    private Attempt failed(Attempt last, String what, String message) {
        int failures = last != null && last.failures() > 0 ? last.failures() + 1 : 1;
        Duration delay = serve.retryDelay().multipliedBy(1L << Math.min(failures - 1, 20));
        if (delay.compareTo(serve.maxRetryDelay()) > 0) {
            delay = serve.maxRetryDelay();
        }
        if (isStopping()) {
            LOG.warn("{}: {} serve is stopping: the next serve, or the same command, resumes it.", what, message);
        } else {
            LOG.error("{}: {} serve tries again in {} s.", what, message, delay.toSeconds());
        }
        return Attempt.failed(Stamp.NONE, message, failures, clock.instant().plus(delay));
    }

    /**
     * Moves a file that will never run as it is to {@code rejected/} (never over another file there),
     * with the reason beside it. Only the file that was run moves: one replaced meanwhile stays.
     */
    private void reject(InboxFile input, Stamp stamp, String message, String where) {
        try {
            if (!Files.exists(input.path()) || !Stamp.of(input.path()).equals(stamp)) {
                LOG.warn("{}: {}", input.name(), message);
                return;
            }
            // read without following a link or waiting on a pipe put there since the run (RegularFile)
            Path moved = Archive.move(input.path(), home.rejected(), RegularFile.sha256(input.path(), false));
            if (moved != null) {
                // named after the moved file: a name already taken there got the digest appended
                Outbox.publishText(moved.getParent(), moved.getFileName() + ".reason.txt", message + "\n");
            }
            LOG.warn("{}: {} The file was moved to {} {}.", input.name(), message, home.rejected(), where);
        } catch (IOException e) {
            LOG.error(
                    "{}: {} It could not be moved to {} ({}); it stays in the inbox.",
                    input.name(),
                    message,
                    home.rejected(),
                    e.getMessage());
            attempts.put(
                    input.path().toString(),
                    Attempt.failed(stamp, message, 1, clock.instant().plus(serve.maxRetryDelay())));
        }
    }

    private static String describe(RunKind kind, Period period) {
        return kind.label() + (period == null ? "" : " for " + period);
    }

    /** A file's size and modification time: a file replaced or rewritten is looked at afresh. */
    record Stamp(long size, long lastModified) {

        static final Stamp NONE = new Stamp(-1, -1);

        static Stamp of(Path path) {
            File file = path.toFile();
            return file.exists() ? new Stamp(file.length(), file.lastModified()) : NONE;
        }
    }

    /** The last attempt at a file (or an interrupted run), and when to try it again. */
    private record Attempt(
            Stamp stamp, String message, boolean waiting, long finishedRuns, int failures, Instant notBefore) {

        static Attempt done(Stamp stamp) {
            return new Attempt(stamp, "", false, 0, 0, Instant.MAX);
        }

        static Attempt waiting(Stamp stamp, String message, long finishedRuns, Instant notBefore) {
            return new Attempt(stamp, message, true, finishedRuns, 0, notBefore);
        }

        static Attempt failed(Stamp stamp, String message, int failures, Instant notBefore) {
            return new Attempt(stamp, message, false, 0, failures, notBefore);
        }

        Attempt at(Stamp fileStamp) {
            return new Attempt(fileStamp, message, waiting, finishedRuns, failures, notBefore);
        }
    }
}
