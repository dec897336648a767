package org.smartphone.payroll.deduction;

import static org.smartphone.payroll.run.RunSteps.publishStep;
import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.InputArchive;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the deduction run: read the register and allocate, commit, publish, archive. */
@Configuration(proxyBeanMethods = false)
class DeductionJobConfiguration {

    @Bean
    Job deductionJob(RunSteps steps, DeductionRun deduction, InputArchive archive) {
        return steps.job(RunKind.DEDUCTION,
                step("stageDeduction", deduction::stageDeduction),
                step("commitDeduction", deduction::commit),
                publishStep("publishDeduction", deduction::publish),
                step("archiveRegister", run -> {
                    deduction.clearStaged(run);
                    return archive.archive(run);
                }));
    }
}
