package org.smartphone.payroll.reconciliation;

import static org.smartphone.payroll.run.RunSteps.publishStep;
import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the reconciliation run: read the return and reconcile it with the order, ageing arrears (one
 * step, redone whole on resume), commit, publish, archive.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationJobConfiguration {

    @Bean
    Job reconciliationJob(
            RunSteps steps,
            StageAndReconcile stageAndReconcile,
            CommitReconciliation commitReconciliation,
            PublishReconciliation publishReconciliation,
            ArchiveReturn archiveReturn) {
        return steps.job(
                RunKind.RECONCILIATION,
                step("stageAndReconcile", stageAndReconcile),
                step("commitReconciliation", commitReconciliation),
                publishStep("publishReconciliation", publishReconciliation),
                step("archiveReturn", archiveReturn));
    }
}
