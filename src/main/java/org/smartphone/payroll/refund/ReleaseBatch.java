package org.smartphone.payroll.refund;

import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code releaseBatch} of {@code refunds release --batch N} (SPEC 7.2), its one commit: the
 * items of batch N still INSTRUCTED (the bank rejected the batch) are DUE again, to be issued in a later
 * batch; those confirmed paid meanwhile stay PAID. The run's subject is the batch's file name.
 */
@Component
class ReleaseBatch implements Work {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;

    ReleaseBatch(JdbcTemplate jdbc, RunRegistry runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        int batch = RefundFiles.batchOf(run.inputName());
        Long amount = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item WHERE batch = ? AND status = 'INSTRUCTED'",
                Long.class,
                batch);
        int released = jdbc.update(
                "UPDATE refund_item SET status = 'DUE', issued_matricule = NULL WHERE batch = ?"
                        + " AND status = 'INSTRUCTED'",
                batch);
        runs.recordSummary(
                run.runId(),
                Counted.of(released, "refund item") + " of " + RefundFiles.batchFile(batch) + " due again, "
                        + Francs.of(amount));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return released;
    }
}
