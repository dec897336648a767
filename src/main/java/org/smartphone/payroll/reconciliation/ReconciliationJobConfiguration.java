package org.smartphone.payroll.reconciliation;

import static org.smartphone.payroll.run.RunSteps.publishStep;
import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.InputArchive;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the reconciliation run: stage the return, reconcile and age arrears, commit, publish, archive. */
@Configuration(proxyBeanMethods = false)
class ReconciliationJobConfiguration {

    @Bean
    Job reconciliationJob(RunSteps steps, ReconciliationRun reconciliation, InputArchive archive) {
        return steps.job(RunKind.RECONCILIATION,
                step("stageReturn", reconciliation::stageReturn),
                step("reconcile", reconciliation::reconcile),
                step("commitReconciliation", reconciliation::commit),
                publishStep("publishReconciliation", reconciliation::publish),
                step("archiveReturn", run -> {
                    reconciliation.clearStaged(run);
                    return archive.archive(run);
                }));
    }
}
