package org.smartphone.payroll.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.failure.Failures;
import org.smartphone.payroll.failure.FaultInjection;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.files.Archive;
import org.smartphone.payroll.files.InputName;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.files.RegularFile;
import org.smartphone.payroll.period.Period;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a run through Spring Batch's {@link JobOperator} after the checks SPEC 5 and 6 ask for
 * (the file exists, was not processed before, no other run of its kind is unfinished), and turns
 * the outcome into the engine's exit codes.
 */
@Service
public class RunLauncher {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<String, Job> jobs;
    private final RunRegistry runs;
    private final Home home;
    private final TransactionTemplate transactions;
    private final PayrollSettings settings;
    private final PeriodGuard guard;
    private final OpenPeriod openPeriod;

    public RunLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            List<Job> jobs,
            RunRegistry runs,
            Home home,
            PlatformTransactionManager transactionManager,
            PayrollSettings settings,
            PeriodGuard guard,
            OpenPeriod openPeriod) {
        this.openPeriod = openPeriod;
        this.settings = settings;
        this.guard = guard;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.runs = runs;
        this.home = home;
    }

    /**
     * Runs one input through the job of {@code kind}; period checks were made by the caller. An
     * unfinished run of the same kind (and period) is resumed, with the parameters it was started
     * with, when given the same file, or when no file was named and its inbox file has already been
     * archived; any other file is refused until that run is finished or abandoned.
     *
     * @param period the run's period; null for an import, and for a run that posts in the open period P,
     *     which it then posts in (refused, exit 3, before the first deduction run)
     * @param named whether the file was named on the command line (then it must exist)
     */
    public Outcome launch(RunKind kind, Period period, Path input, boolean fromInbox, boolean named, long maxRejects) {
        guard.checkNoRevocationUnfinished();
        if (period == null && kind.postsInOpenPeriod()) {
            period = openPeriod.require("The " + kind.label()).period();
        }
        checkName(kind, input, fromInbox, named);
        Optional<RunRecord> unfinished = runs.unfinished(kind, period);
        if (unfinished.isPresent() && !named && !Files.exists(input, LinkOption.NOFOLLOW_LINKS)) {
            return resume(kind, unfinished.get());
        }
        String sha256 = sha256(input, fromInbox);
        if (unfinished.isPresent()) {
            RunRecord other = unfinished.get();
            if (!other.inputSha256().equals(sha256)) {
                throw new RefusedException("The " + describe(kind, period) + " (run " + other.runId()
                        + ") was interrupted while processing " + other.inputName() + "; run the same command with"
                        + " that file to finish it, or discard it with '" + abandonCommand(kind, period)
                        + "' (possible until it reaches the ledger) before using " + input.getFileName() + ".");
            }
            return resume(kind, other);
        }
        refuseIfProcessed(input, sha256, fromInbox);
        long generation = runs.unprocessedCount(kind, period, sha256);
        return start(kind, RunContext.parameters(period, input, sha256, generation, fromInbox, maxRejects, settings));
    }

    /**
     * Runs the job of {@code kind} on no input ({@code refunds issue}, {@code refunds release}, SPEC 7.2),
     * or resumes the unfinished run of that kind, the caller having checked that it is the one asked for.
     *
     * @param subject what {@code status} shows in place of an input (the batch released, say)
     */
    public Outcome launchWithoutInput(RunKind kind, String subject) {
        guard.checkNoRevocationUnfinished();
        Optional<RunRecord> unfinished = runs.unfinished(kind, null);
        if (unfinished.isPresent()) {
            return resume(kind, unfinished.get());
        }
        long generation = runs.all().stream().filter(run -> run.kind() == kind).count();
        return start(kind, RunContext.withoutInput(subject, generation, settings));
    }

    /**
     * Refuses, before any run is recorded, a name that would break the run or forge a line of
     * {@code status} or of the log ({@link InputName}), and a file taken from the inbox by default whose
     * name is not one SPEC 5 gives this kind of input ({@link InboxName}). Exit 2.
     */
    private static void checkName(RunKind kind, Path input, boolean fromInbox, boolean named) {
        String name = String.valueOf(input.getFileName());
        Optional<String> problem = InputName.problem(name);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        if (fromInbox
                && !named
                && InboxName.parse(name).filter(inbox -> inbox.kind() == kind).isEmpty()) {
            throw new InvalidInputException(
                    name + " in the inbox is not named as the engine takes it: " + InboxName.RULE + "; rename it.");
        }
    }

    /**
     * Finishes an unfinished run with the parameters it was started with (settings included, so a
     * resumed run gives the files the interrupted one would have). A run that has not reached the
     * ledger reads its input again, which must still be the very same file.
     */
    public Outcome resume(RunKind kind, RunRecord run) {
        if (kind != RunKind.REVOKE) {
            guard.checkNoRevocationUnfinished();
        }
        JobParameters parameters = lastExecution(run).getJobParameters();
        if (run.state() != RunState.COMMITTED && kind.readsInput()) {
            Path input = Path.of(parameters.getString(RunContext.INPUT));
            boolean fromInbox = Boolean.parseBoolean(parameters.getString(RunContext.FROM_INBOX));
            boolean same = hasDigest(input, fromInbox, run.inputSha256());
            if (!same) {
                throw new RefusedException("The "
                        + describe(kind, run.period() == null ? null : Period.parse(run.period())) + " (run "
                        + run.runId() + ") was interrupted before it reached"
                        + " the ledger, and its file " + input + " is no longer there or has changed. Put the file"
                        + " back and run the same command, or discard the run with '"
                        + abandonCommand(kind, run.period() == null ? null : Period.parse(run.period())) + "'.");
            }
        }
        return start(kind, parameters);
    }

    /**
     * Starts the revocation of a completed run (SPEC 6), its checks made by the caller under the run
     * lock. An interrupted revocation is finished with {@link #resume}, with the reason it started with.
     */
    public Outcome revoke(Period period, RunRecord revoked, String reason) {
        return start(RunKind.REVOKE, RunContext.revocation(period, revoked, reason, settings));
    }

    /**
     * Discards an unfinished run that has not reached the ledger: its staged and computed rows go,
     * nothing was published, and the run is marked ABANDONED (first, so that a crash right after
     * still lets the same file start a new run). A committed run cannot be abandoned: its effect is
     * in the ledger, and the same command finishes it.
     */
    public String abandon(RunKind kind, Period period, Runnable discardWork) {
        RunRecord run = runs.unfinished(kind, period)
                .orElseThrow(() ->
                        new RefusedException("There is no" + " unfinished " + describe(kind, period) + " to abandon."));
        if (run.state() == RunState.COMMITTED) {
            throw new RefusedException("The " + describe(kind, period) + " (run " + run.runId() + ") has already"
                    + " reached the ledger and cannot be abandoned; run the same command again to finish it.");
        }
        transactions.executeWithoutResult(status -> {
            discardWork.run();
            runs.finish(run.runId(), RunState.ABANDONED, "abandoned by command");
        });
        JobExecution last = lastExecution(run);
        if (last.isRunning()) {
            jobOperator.recover(last);
            last = lastExecution(run);
        }
        try {
            jobOperator.abandon(last);
        } catch (Exception e) {
            throw new IllegalStateException("cannot abandon run " + run.runId() + ": " + e.getMessage(), e);
        }
        return "The " + describe(kind, period) + " (run " + run.runId() + ", " + run.inputName()
                + ") was abandoned; nothing of it remains in the ledger or the outbox.";
    }

    private static String describe(RunKind kind, Period period) {
        return kind.label() + (period == null ? "" : " for " + period);
    }

    private static String abandonCommand(RunKind kind, Period period) {
        return "abandon " + kind.resumeCommand(period == null ? null : period.toString());
    }

    private JobExecution lastExecution(RunRecord run) {
        JobInstance instance = jobRepository.getJobInstance(run.runId());
        JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
        if (last == null) {
            throw new IllegalStateException("run " + run.runId() + " has no job execution");
        }
        return last;
    }

    private Outcome start(RunKind kind, JobParameters parameters) {
        Job job = jobs.get(kind.jobName());
        recoverAbandonedExecution(job, parameters);
        JobExecution execution;
        FaultInjection.reached("start:" + job.getName());
        try {
            execution = jobOperator.start(job, parameters);
        } catch (JobInstanceAlreadyCompleteException e) {
            JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
            runs.find(instance.getInstanceId())
                    .filter(run -> run.state() != RunState.COMPLETED)
                    .ifPresent(run -> runs.finish(run.runId(), RunState.COMPLETED, null));
            throw new AlreadyDoneException("This " + kind.label() + " has already completed for "
                    + parameters.getString(RunContext.INPUT_NAME) + ".");
        } catch (Exception e) {
            throw new IllegalStateException("the " + kind.label() + " could not start: " + e.getMessage(), e);
        }
        return outcome(kind, execution);
    }

    private void refuseIfProcessed(Path input, String sha256, boolean fromInbox) {
        Optional<String> processed = runs.processedBy(sha256);
        if (processed.isPresent()) {
            String reason = input.getFileName() + " has the same content (SHA-256 " + sha256.substring(0, 12)
                    + "...) as " + processed.get() + ", which was already processed; it is refused.";
            if (fromInbox) {
                moveToRejected(input, sha256, reason);
            }
            throw new RefusedException(reason);
        }
    }

    /**
     * The SHA-256 of the input, read only if it is a regular file ({@link RegularFile}): a symbolic link
     * in the inbox is refused, never followed; one named outside the inbox is followed (it stays there).
     */
    private static String sha256(Path input, boolean fromInbox) {
        try {
            return RegularFile.sha256(input, !fromInbox);
        } catch (RegularFile.NotRegularException e) {
            throw new InvalidInputException(withCloseNames(e.getMessage(), input, fromInbox));
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(
                    InputName.escaped(input.toString()) + ": the file cannot be read" + " (permissions).");
        } catch (IOException e) {
            throw new InvalidInputException(
                    InputName.escaped(input.toString()) + ": the file cannot be read (" + e.getMessage() + ").");
        }
    }

    /**
     * The message for a file that is not there, naming the files beside it that were most likely meant
     * ({@link CloseInboxName}): {@code Payroll_2026-01.csv} for {@code payroll-2026-01.csv}.
     */
    private static String withCloseNames(String message, Path input, boolean fromInbox) {
        if (RegularFile.at(input, !fromInbox) != RegularFile.Kind.MISSING) {
            return message;
        }
        String close = CloseInboxName.beside(input, fromInbox ? "the inbox" : "its folder");
        return close.isEmpty() ? message : message.substring(0, message.length() - 1) + close + ".";
    }

    private static boolean hasDigest(Path input, boolean fromInbox, String sha256) {
        try {
            return RegularFile.sha256(input, !fromInbox).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An execution left STARTED belongs to a process that died: this process holds the run lock (or
     * the embedded database), so no other one is running. Marking it failed lets Spring Batch restart
     * it from the step that was interrupted. An execution left UNKNOWN (its failure could not even be
     * rolled back, say because the database went away) is treated the same: every step of our jobs
     * can be run again safely, since the commit step checks in its own transaction whether it already
     * happened.
     */
    private void recoverAbandonedExecution(Job job, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
        if (instance == null) {
            return;
        }
        if (jobRepository.getJobExecutions(instance).isEmpty()) {
            // killed between creating the instance and its first execution: nothing ran, start afresh
            jobRepository.deleteJobInstance(instance);
            return;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last.isRunning()) {
            jobOperator.recover(last);
            last = jobRepository.getLastJobExecution(instance);
        }
        if (last.getStatus() == BatchStatus.UNKNOWN) {
            for (StepExecution step : last.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED);
                    jobRepository.update(step);
                }
            }
            last.setStatus(BatchStatus.FAILED);
            last.setExitStatus(ExitStatus.FAILED);
            jobRepository.update(last);
        }
    }

    private Outcome outcome(RunKind kind, JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            Optional<RunRecord> run = runs.find(runId);
            String summary = run.map(RunRecord::summary).orElse("");
            return new Outcome(
                    0,
                    "The " + kind.label() + " completed (run " + runId + "): " + summary + "."
                            + run.filter(r -> kind.readsInput())
                                    .map(r -> "\n  " + RunSummary.readLine(r, execution))
                                    .orElse(""),
                    runId);
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return new Outcome(
                    1,
                    "The " + kind.label() + " (run " + runId + ") was stopped on request. Nothing is"
                            + " lost: run the same command again to resume it.",
                    runId);
        }
        Throwable failure =
                execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        if (failure instanceof InvalidInputException) {
            return new Outcome(2, failure.getMessage(), runId);
        }
        if (failure instanceof RefusedException) {
            return new Outcome(3, failure.getMessage(), runId);
        }
        String cause = failure == null ? execution.getExitStatus().getExitDescription() : Failures.describe(failure);
        return new Outcome(
                1,
                "The " + kind.label() + " failed (run " + runId + "): " + cause
                        + ". Nothing is lost: run the same command again to resume it.",
                runId);
    }

    /** Moves a refused inbox file to rejected/ (never over another file there) with the reason beside it. */
    private void moveToRejected(Path input, String sha256, String reason) {
        try {
            Path moved = Archive.move(input, home.rejected(), sha256);
            if (moved != null) {
                Outbox.publishText(moved.getParent(), moved.getFileName() + ".reason.txt", reason + "\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot move " + input + " to " + home.rejected(), e);
        }
    }

    /**
     * How a command ended: the process exit code and the message for the treasurer, one line, or
     * for a completed run that line and an indented summary line under it.
     */
    public record Outcome(int exitCode, String message, Long runId) {}
}
