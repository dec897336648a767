package org.smartphone.payroll.refund;

import java.util.List;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code commitConfirmations} of {@code refunds confirm} (SPEC 7.2), its one commit: the items
 * the file confirms become PAID in the next confirmation ({@code refunds-paid-NNNN.csv}), with the day
 * and reference of the payment; an item confirmed while DUE (made from a refund due recorded before
 * this version) gets its payee as an issue would have fixed it.
 */
@Component
class CommitConfirmations implements Work {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final RefundBatches batches;

    CommitConfirmations(JdbcTemplate jdbc, RunRegistry runs, RefundBatches batches) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.batches = batches;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        int confirmation = batches.numberFor(RefundBatches.CONFIRM, run.runId());
        List<Object[]> paid = jdbc.query(
                "SELECT paid_on, payment_ref, refund_id FROM refund_confirmation_entry WHERE run_id = ?"
                        + " AND NOT skipped",
                (rs, i) -> new Object[] {confirmation, rs.getString(1), rs.getString(2), rs.getString(3)},
                run.runId());
        int[][] updated = jdbc.batchUpdate(
                "UPDATE refund_item SET status = 'PAID', confirmation = ?, paid_on = ?, payment_ref = ?,"
                        + " issued_matricule = COALESCE(issued_matricule, CASE WHEN unexpected THEN matricule ELSE"
                        + " COALESCE((SELECT c.matricule FROM contract c"
                        + " WHERE c.contract_id = refund_item.contract_id), matricule) END)"
                        + " WHERE refund_id = ? AND (status = 'INSTRUCTED' OR (status = 'DUE' AND legacy))",
                paid,
                paid.size() == 0 ? 1 : paid.size(),
                (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        long confirmed = 0;
        for (int[] batch : updated) {
            for (int count : batch) {
                confirmed += count;
            }
        }
        if (confirmed != paid.size()) {
            throw new IllegalStateException("run " + run.runId() + " confirmed " + confirmed + " of the " + paid.size()
                    + " refund items it staged: the ledger changed since they were checked");
        }
        Long amount = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item WHERE confirmation = ?",
                Long.class,
                confirmation);
        Long skipped = jdbc.queryForObject(
                "SELECT COUNT(*) FROM refund_confirmation_entry WHERE run_id = ? AND skipped", Long.class, run.runId());
        batches.record(RefundBatches.CONFIRM, confirmation, run.runId(), confirmed, amount);
        runs.recordSummary(
                run.runId(),
                RefundFiles.confirmationFile(confirmation) + ": " + Counted.of(confirmed, "refund")
                        + " confirmed paid, "
                        + Francs.of(amount)
                        + (skipped == 0 ? "" : "; " + Counted.of(skipped, "line") + " skipped as already confirmed"));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return confirmed;
    }
}
