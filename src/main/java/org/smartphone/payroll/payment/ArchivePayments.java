package org.smartphone.payroll.payment;

import java.io.IOException;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.run.InputArchive;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.stereotype.Component;

/**
 * The step {@code archivePayments} of the payments run: once the run is committed, empties its staged
 * lines, then archives the file under {@code archive/P/} (SPEC 7).
 */
@Component
class ArchivePayments implements Work {

    private final StagingTables staging;
    private final InputArchive archive;

    ArchivePayments(StagingTables staging, InputArchive archive) {
        this.staging = staging;
        this.archive = archive;
    }

    @Override
    public long run(RunContext run) throws IOException {
        staging.clear("payment_entry", "run_id", run.runId());
        return archive.archive(run);
    }
}
