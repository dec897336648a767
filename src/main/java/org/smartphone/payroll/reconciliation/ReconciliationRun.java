package org.smartphone.payroll.reconciliation;

import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.refund.RefundItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A reconciliation run as the commands that undo one see it: {@code revoke} (SPEC 6) undoes a
 * completed run, {@code abandon} discards an unfinished one. The run itself is its steps:
 * {@link StageAndReconcile}, {@link CommitReconciliation}, {@link PublishReconciliation} and
 * {@link ArchiveReturn}, wired by {@link ReconciliationJobConfiguration}.
 */
@Service
public class ReconciliationRun {

    private final JdbcTemplate jdbc;
    private final StagingTables staging;
    private final RefundItems refundItems;

    public ReconciliationRun(JdbcTemplate jdbc, StagingTables staging, RefundItems refundItems) {
        this.jdbc = jdbc;
        this.staging = staging;
        this.refundItems = refundItems;
    }

    /**
     * Undoes the committed reconciliation run {@code runId} of a period, the latest run of the ledger
     * (SPEC 6, revoke): what each contract collected (or recovered) goes down by the run's posting,
     * the contracts its postings settled are open again, and its postings, rows, arrears, refund items
     * (none issued: {@code revoke} checked) and staged lines go. One transaction with the rest of the
     * revocation.
     */
    public void revoke(Period period, long runId) {
        String p = period.toString();
        // only the contracts this run's postings settled open again: one settled in the period by a payment
        // (SPEC 7.1) got no posting from it, and stays settled
        jdbc.update(LedgerRules.REOPEN_SETTLED_BY_RUN, p, p, runId);
        if (staging.isPostgres()) {
            jdbc.update(
                    "UPDATE contract_balance b SET collected_xof = b.collected_xof - p.amount_xof"
                            + " FROM posting p WHERE p.period = ? AND p.run_id = ? AND p.contract_id = b.contract_id"
                            + " AND NOT p.to_recovered",
                    p,
                    runId);
            jdbc.update(
                    "UPDATE contract_balance b SET recovered_xof = b.recovered_xof - p.amount_xof"
                            + " FROM posting p WHERE p.period = ? AND p.run_id = ? AND p.contract_id = b.contract_id"
                            + " AND p.to_recovered",
                    p,
                    runId);
        } else {
            jdbc.update(
                    "MERGE INTO contract_balance b USING (SELECT contract_id, amount_xof FROM posting"
                            + " WHERE period = ? AND run_id = ? AND NOT to_recovered) p ON b.contract_id = p.contract_id"
                            + " WHEN MATCHED THEN UPDATE SET collected_xof = b.collected_xof - p.amount_xof",
                    p,
                    runId);
            jdbc.update(
                    "MERGE INTO contract_balance b USING (SELECT contract_id, amount_xof FROM posting"
                            + " WHERE period = ? AND run_id = ? AND to_recovered) p ON b.contract_id = p.contract_id"
                            + " WHEN MATCHED THEN UPDATE SET recovered_xof = b.recovered_xof - p.amount_xof",
                    p,
                    runId);
        }
        jdbc.update("DELETE FROM posting WHERE period = ? AND run_id = ?", p, runId);
        refundItems.removeMadeBy(runId);
        discard(period);
    }

    /** Removes what an unfinished reconciliation run staged and computed (for {@code abandon}). */
    public void discard(Period period) {
        jdbc.update("DELETE FROM return_entry WHERE period = ?", period.toString());
        jdbc.update("DELETE FROM reconciliation_line WHERE period = ?", period.toString());
        jdbc.update("DELETE FROM arrears_line WHERE period = ?", period.toString());
    }
}
