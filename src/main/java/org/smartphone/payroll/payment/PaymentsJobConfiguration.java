package org.smartphone.payroll.payment;

import static org.smartphone.payroll.run.RunSteps.publishStep;
import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the payments run: stage and check the file, commit the payments (and stops), publish, archive. */
@Configuration(proxyBeanMethods = false)
class PaymentsJobConfiguration {

    @Bean
    Job recordPaymentsJob(
            RunSteps steps,
            StagePayments stagePayments,
            CommitPayments commitPayments,
            PublishPayments publishPayments,
            ArchivePayments archivePayments) {
        return steps.job(
                RunKind.PAYMENTS,
                step("stagePayments", stagePayments),
                step("commitPayments", commitPayments),
                publishStep("publishPayments", publishPayments),
                step("archivePayments", archivePayments));
    }
}
