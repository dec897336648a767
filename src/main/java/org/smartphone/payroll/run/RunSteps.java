package org.smartphone.payroll.run;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.observation.ObservationRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.failure.FaultInjection;
import org.smartphone.payroll.progress.Progress;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the jobs of the engine: a sequence of steps, each one transaction that does one piece of
 * work of the run. A restarted job skips the steps already completed.
 */
@Component
public final class RunSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RunSteps.class);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Names of the steps declared with {@link #inputStep}: step names are the same in every job run. */
    private static final Set<String> INPUT_STEPS = ConcurrentHashMap.newKeySet();

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final RunRegistry registry;
    private final ObjectProvider<JobOperator> jobOperator;
    private final ObservationRegistry observations;

    /**
     * @param observations where jobs and steps report their observations (spring.batch.job and
     *     spring.batch.step timers); Boot hands it to job beans only, and our steps are not beans
     */
    public RunSteps(
            JobRepository repository,
            PlatformTransactionManager transactions,
            RunRegistry registry,
            ObjectProvider<JobOperator> jobOperator,
            ObservationRegistry observations) {
        this.repository = repository;
        this.transactions = transactions;
        this.registry = registry;
        this.jobOperator = jobOperator;
        this.observations = observations;
    }

    public Job job(RunKind kind, StepWork... steps) {
        return job(kind, runId -> {}, steps);
    }

    /**
     * @param refused told the id of a run refused (exit 2 or 3) once its work was rolled back: what a
     *     job did outside its transaction (DDL on H2) is undone there
     */
    public Job job(RunKind kind, LongConsumer refused, StepWork... steps) {
        JobBuilder builder = new JobBuilder(kind.jobName(), repository)
                .observationRegistry(observations)
                .listener(new RunListener(registry, kind, jobOperator, refused));
        SimpleJobBuilder simple = null;
        for (int i = 0; i < steps.length; i++) {
            Step step = step(kind, steps[i], i == steps.length - 1);
            simple = simple == null ? builder.start(step) : simple.next(step);
        }
        return simple.build();
    }

    /**
     * The last step also marks the run COMPLETED, in its own transaction: the period then counts as
     * done exactly when the last piece of work is, whatever happens to the job's bookkeeping after.
     */
    private Step step(RunKind kind, StepWork work, boolean last) {
        return new StepBuilder(work.name(), repository)
                .observationRegistry(observations)
                .tasklet(
                        (contribution, chunkContext) -> {
                            RunContext run = RunContext.of(
                                    contribution.getStepExecution().getJobExecution(), kind);
                            FaultInjection.reached("step:" + work.name());
                            StepClock clock = StepClock.start();
                            long count;
                            try {
                                count = work.work().run(run);
                            } finally {
                                Progress.endLiveLine();
                            }
                            LOG.info("step {} of run {}: {}", work.name(), run.runId(), clock.stop());
                            if (last) {
                                registry.finish(run.runId(), RunState.COMPLETED, null);
                            }
                            FaultInjection.reached("done:" + work.name());
                            contribution.incrementWriteCount(count);
                            return RepeatStatus.FINISHED;
                        },
                        transactions)
                .allowStartIfComplete(work.repeatOnResume())
                .build();
    }

    /**
     * Whether the step of this name reads the run's input: one declared with {@link #inputStep}, or
     * by convention one whose name starts with {@code stage} (stageContracts, stageAndReconcile); it is
     * the first step of its job.
     */
    static boolean readsInput(String stepName) {
        return stepName.startsWith("stage") || INPUT_STEPS.contains(stepName);
    }

    public static StepWork step(String name, Work work) {
        return new StepWork(name, work, false);
    }

    /** The first step of a job, the one that reads the run's input (see {@link #readsInput}). */
    public static StepWork inputStep(String name, Work work) {
        INPUT_STEPS.add(name);
        return new StepWork(name, work, false);
    }

    /**
     * A step that runs again whenever an interrupted run is resumed, even if it had completed: the
     * outputs are rebuilt from the ledger, so a file altered or damaged meanwhile is never reused.
     */
    public static StepWork publishStep(String name, Work work) {
        return new StepWork(name, work, true);
    }

    /** One step's work; returns how many records it wrote, for the step's counts. */
    @FunctionalInterface
    public interface Work {
        long run(RunContext run) throws Exception;
    }

    /**
     * Wall time and CPU time of one step: the CPU of the thread running it (the engine's own work:
     * parsing, rules, JDBC) against that of the whole process (with H2, the database too; and the
     * garbage collector). Where the rest of the wall time went is waiting: on PostgreSQL, or the disk.
     * These figures are what docs/performance.md, "Where a run's time goes", is measured with.
     */
    private record StepClock(long wallNanos, long threadCpuNanos, long processCpuNanos) {

        static StepClock start() {
            return new StepClock(System.nanoTime(), threadCpu(), processCpu());
        }

        String stop() {
            return String.format(
                    "%.1f s wall, %.1f s CPU in the step's thread, %.1f s CPU in the process",
                    (System.nanoTime() - wallNanos) / 1e9,
                    (threadCpu() - threadCpuNanos) / 1e9,
                    (processCpu() - processCpuNanos) / 1e9);
        }

        private static long threadCpu() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        }

        private static long processCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                    ? os.getProcessCpuTime()
                    : 0;
        }
    }

    /** A named step. */
    public record StepWork(String name, Work work, boolean repeatOnResume) {}
}
