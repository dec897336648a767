package org.smartphone.payroll.refund;

import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code issueRefunds} of {@code refunds issue} (SPEC 7.2), its one commit: every DUE item
 * goes into the next batch, INSTRUCTED, its payee fixed (an UNEXPECTED row's matricule, else the
 * contract's current matricule), and the batch is recorded.
 */
@Component
class IssueRefunds implements Work {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final RefundBatches batches;

    IssueRefunds(JdbcTemplate jdbc, RunRegistry runs, RefundBatches batches) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.batches = batches;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        int batch = batches.numberFor(RefundBatches.ISSUE, run.runId());
        int items = jdbc.update(
                "UPDATE refund_item SET status = 'INSTRUCTED', batch = ?, issued_matricule = CASE WHEN unexpected"
                        + " THEN matricule ELSE COALESCE((SELECT c.matricule FROM contract c WHERE c.contract_id"
                        + " = refund_item.contract_id), matricule) END WHERE status = 'DUE'",
                batch);
        Long amount = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item WHERE batch = ? AND status = 'INSTRUCTED'",
                Long.class,
                batch);
        batches.record(RefundBatches.ISSUE, batch, run.runId(), items, amount);
        runs.recordSummary(
                run.runId(),
                RefundFiles.batchFile(batch) + ": " + Counted.of(items, "refund item") + " instructed, "
                        + Francs.of(amount));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return items;
    }
}
