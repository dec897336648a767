package org.smartphone.payroll.contract;

import java.io.IOException;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.run.InputArchive;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.stereotype.Component;

/**
 * The step {@code archiveContracts} of the contracts import, once the run is committed: builds the
 * index on contract.matricule again if a bulk apply dropped it, empties the run's skipped lines (both
 * idempotent), then archives the file (SPEC 6).
 */
@Component
class ArchiveContracts implements Work {

    private final ContractImport contracts;
    private final StagingTables staging;
    private final InputArchive archive;

    ArchiveContracts(ContractImport contracts, StagingTables staging, InputArchive archive) {
        this.contracts = contracts;
        this.staging = staging;
        this.archive = archive;
    }

    @Override
    public long run(RunContext run) throws IOException {
        contracts.restoreMatriculeIndex();
        staging.clear("contract_import_skip", "run_id", run.runId());
        return archive.archive(run);
    }
}
