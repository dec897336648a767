package org.smartphone.payroll.revocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.deduction.PublishDeduction;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.reconciliation.PublishReconciliation;
import org.smartphone.payroll.report.PeriodReport;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code moveRevokedFiles} of a revocation (SPEC 6): moves the revoked run's files (sidecars
 * and manifest, and the period report written from it) to the folder chosen at the commit; after a
 * crash, what is left is moved.
 */
@Component
class MoveRevokedFiles implements Work {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final Home home;

    MoveRevokedFiles(JdbcTemplate jdbc, RunRegistry runs, Home home) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.home = home;
    }

    @Override
    public long run(RunContext run) throws IOException {
        String folder =
                jdbc.queryForObject("SELECT folder FROM revocation WHERE run_id = ?", String.class, run.runId());
        RunRecord revoked = runs.find(run.revokedRun()).orElseThrow();
        List<String> files = new ArrayList<>(
                revoked.kind() == RunKind.DEDUCTION
                        ? PublishDeduction.outputFiles(run.period())
                        : PublishReconciliation.outputFiles(run.period()));
        files.add(PeriodReport.fileName(run.period()));
        return Outbox.moveAside(home.outbox(run.period()), files, folder);
    }
}
