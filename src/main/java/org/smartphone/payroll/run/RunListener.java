package org.smartphone.payroll.run;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Keeps {@code payroll_run} in step with the job: RUNNING at start, then its outcome. */
public class RunListener implements JobExecutionListener {

    private final RunRegistry registry;
    private final RunKind kind;

    public RunListener(RunRegistry registry, RunKind kind) {
        this.registry = registry;
        this.kind = kind;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        RunContext run = RunContext.of(execution, kind);
        registry.begin(run.runId(), kind, run.period() == null ? null : run.period().toString(), run.inputName(),
                run.sha256());
    }

    @Override
    public void afterJob(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            registry.finish(runId, RunState.COMPLETED, null);
            return;
        }
        Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
        boolean invalid = failure instanceof InvalidInputException || failure instanceof RefusedException;
        String message = failure == null ? execution.getExitStatus().getExitDescription() : failure.getMessage();
        if (invalid) {
            registry.finish(runId, RunState.REJECTED, message);
        } else if (registry.isCommitted(runId)) {
            registry.finish(runId, RunState.COMMITTED, message);
        } else {
            registry.finish(runId, RunState.FAILED, message);
        }
    }
}
