package org.smartphone.payroll.revocation;

import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the revocation: undo the run in the ledger (one commit), then move its files aside. */
@Configuration(proxyBeanMethods = false)
class RevocationJobConfiguration {

    @Bean
    Job revokeJob(RunSteps steps, Revoke revoke, MoveRevokedFiles moveRevokedFiles) {
        return steps.job(RunKind.REVOKE, step("revoke", revoke), step("moveRevokedFiles", moveRevokedFiles));
    }
}
