package org.smartphone.payroll.contract;

import static org.smartphone.payroll.run.RunSteps.step;

import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the contracts import: validate (lines to skip), apply in one transaction reading the file again, archive. */
@Configuration(proxyBeanMethods = false)
class ContractImportJobConfiguration {

    @Bean
    Job importContractsJob(
            RunSteps steps,
            ContractImport contracts,
            StageContracts stageContracts,
            ApplyContracts applyContracts,
            ArchiveContracts archiveContracts) {
        // a bulk apply on H2 refused at its end (its file changed while read) dropped the index on
        // matricule outside its transaction: discard builds it again and forgets the run's skipped lines
        return steps.job(
                RunKind.IMPORT,
                contracts::discard,
                step("stageContracts", stageContracts),
                step("applyContracts", applyContracts),
                step("archiveContracts", archiveContracts));
    }
}
