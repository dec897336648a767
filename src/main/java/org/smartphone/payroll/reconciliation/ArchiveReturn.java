package org.smartphone.payroll.reconciliation;

import java.io.IOException;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.run.InputArchive;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.stereotype.Component;

/**
 * The step {@code archiveReturn} of the reconciliation run: once the run is committed, empties the
 * return's staged rows, then archives the return (SPEC 6).
 */
@Component
class ArchiveReturn implements Work {

    private final StagingTables staging;
    private final InputArchive archive;

    ArchiveReturn(StagingTables staging, InputArchive archive) {
        this.staging = staging;
        this.archive = archive;
    }

    @Override
    public long run(RunContext run) throws IOException {
        staging.clear("return_entry", "period", run.period().toString());
        return archive.archive(run);
    }
}
