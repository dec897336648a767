package org.smartphone.payroll.deduction;

import static org.smartphone.payroll.run.RunSteps.inputStep;
import static org.smartphone.payroll.run.RunSteps.publishStep;
import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.InputArchive;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the deduction run: read the register, allocate and commit in one step; publish; archive. The
 * register is never staged, so the first step is redone whole if the run is interrupted in it.
 */
@Configuration(proxyBeanMethods = false)
class DeductionJobConfiguration {

    @Bean
    Job deductionJob(RunSteps steps, Deduct deduct, PublishDeduction publishDeduction, InputArchive archive) {
        return steps.job(
                RunKind.DEDUCTION,
                inputStep("deduct", deduct),
                publishStep("publishDeduction", publishDeduction),
                step("archiveRegister", archive::archive));
    }
}
