package org.smartphone.payroll.refund;

import static org.smartphone.payroll.run.RunSteps.inputStep;
import static org.smartphone.payroll.run.RunSteps.publishStep;
import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the refunds commands (SPEC 7.2): {@code refunds issue} (commit the batch, publish it),
 * {@code refunds confirm} (read and check the file, commit, publish, archive) and {@code refunds release}
 * (one commit). Each is resumed by the same command after an interruption.
 */
@Configuration(proxyBeanMethods = false)
class RefundsJobConfiguration {

    @Bean
    Job issueRefundsJob(RunSteps steps, IssueRefunds issue, PublishRefunds publish) {
        return steps.job(RunKind.REFUNDS_ISSUE, step("issueRefunds", issue), publishStep("publishRefunds", publish));
    }

    @Bean
    Job confirmRefundsJob(
            RunSteps steps,
            StageConfirmations stage,
            CommitConfirmations commit,
            PublishConfirmations publish,
            ArchiveConfirmations archive) {
        return steps.job(
                RunKind.REFUNDS_CONFIRM,
                inputStep("stageConfirmations", stage),
                step("commitConfirmations", commit),
                publishStep("publishConfirmations", publish),
                step("archiveConfirmations", archive));
    }

    @Bean
    Job releaseRefundsJob(RunSteps steps, ReleaseBatch release) {
        return steps.job(RunKind.REFUNDS_RELEASE, step("releaseBatch", release));
    }
}
