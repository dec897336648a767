package org.smartphone.payroll.run;

import java.util.function.LongConsumer;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.failure.RefusedException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;

/** Keeps {@code payroll_run} in step with the job: RUNNING at start, then its outcome. */
public class RunListener implements JobExecutionListener {

    private final RunRegistry registry;
    private final RunKind kind;
    private final ObjectProvider<JobOperator> jobOperator;
    private final LongConsumer refused;

    public RunListener(
            RunRegistry registry, RunKind kind, ObjectProvider<JobOperator> jobOperator, LongConsumer refused) {
        this.registry = registry;
        this.kind = kind;
        this.jobOperator = jobOperator;
        this.refused = refused;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunningJob.started(() -> stop(execution));
        RunContext run = RunContext.of(execution, kind);
        registry.begin(
                run.runId(),
                kind,
                run.period() == null ? null : run.period().toString(),
                run.inputName(),
                run.sha256(),
                run.revokedRun() == 0 ? null : run.revokedRun());
    }

    private void stop(JobExecution execution) {
        try {
            jobOperator.getObject().stop(execution);
        } catch (JobExecutionNotRunningException e) {
            // it ended meanwhile: nothing to stop
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        RunningJob.ended();
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            registry.finish(runId, RunState.COMPLETED, null);
            return;
        }
        Throwable failure =
                execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        boolean invalid = failure instanceof InvalidInputException || failure instanceof RefusedException;
        String message = failure == null ? execution.getExitStatus().getExitDescription() : failure.getMessage();
        if (execution.getStatus() == BatchStatus.STOPPED) {
            registry.finish(
                    runId,
                    registry.isCommitted(runId) ? RunState.COMMITTED : RunState.FAILED,
                    "stopped on request; run the same command again to resume");
        } else if (invalid) {
            registry.finish(runId, RunState.REJECTED, message);
            refused.accept(runId);
        } else if (registry.isCommitted(runId)) {
            registry.finish(runId, RunState.COMMITTED, message);
        } else {
            registry.finish(runId, RunState.FAILED, message);
        }
    }
}
