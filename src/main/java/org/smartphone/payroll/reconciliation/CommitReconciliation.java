package org.smartphone.payroll.reconciliation;

import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code commitReconciliation} of the reconciliation run (SPEC 4): applies the postings to the
 * ledger once, settling the contracts they pay off, and makes a refund item of each refund due
 * ({@link ReconciliationRefunds}); the run is marked committed in the same transaction.
 */
@Component
class CommitReconciliation implements Work {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final StagingTables staging;
    private final LedgerStatistics statistics;
    private final ReconciliationRefunds refunds;

    CommitReconciliation(
            JdbcTemplate jdbc,
            RunRegistry runs,
            StagingTables staging,
            LedgerStatistics statistics,
            ReconciliationRefunds refunds) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.staging = staging;
        this.statistics = statistics;
        this.refunds = refunds;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        int posted = jdbc.update(
                "INSERT INTO posting (period, contract_id, amount_xof, run_id, to_recovered) SELECT period,"
                        + " contract_id, posted_xof, ?, to_recovered FROM reconciliation_line WHERE period = ?"
                        + " AND posted_xof > 0",
                run.runId(),
                period);
        statistics.refresh("posting");
        // what each contract collected (recovered, for a written-off one: SPEC 7.0) grows by its posting; a contract is
        // settled exactly when its
        // posting brings what it collected to what was financed (SPEC 4). Every commit settles the
        // contracts it pays off and a financed amount is above 0 (SPEC 2), so an open contract whose
        // balance now equals its financed amount is one this posting paid off. On PostgreSQL they are
        // found with one scan of the narrow balance table (faster at scale than having the balance
        // update return them: docs/design.md, The balance in a table of its own); on H2 through the
        // period's postings.
        if (staging.isPostgres()) {
            jdbc.update(
                    "UPDATE contract_balance b SET collected_xof = b.collected_xof + p.amount_xof"
                            + " FROM posting p WHERE p.period = ? AND p.contract_id = b.contract_id"
                            + " AND NOT p.to_recovered",
                    period);
            jdbc.update(
                    "UPDATE contract_balance b SET recovered_xof = b.recovered_xof + p.amount_xof"
                            + " FROM posting p WHERE p.period = ? AND p.contract_id = b.contract_id AND p.to_recovered",
                    period);
            jdbc.update(LedgerRules.SETTLE_PAID_OFF, period);
        } else {
            jdbc.update(
                    "MERGE INTO contract_balance b USING (SELECT contract_id, amount_xof FROM posting"
                            + " WHERE period = ? AND NOT to_recovered) p ON b.contract_id = p.contract_id"
                            + " WHEN MATCHED THEN UPDATE SET collected_xof = b.collected_xof + p.amount_xof",
                    period);
            jdbc.update(
                    "MERGE INTO contract_balance b USING (SELECT contract_id, amount_xof FROM posting"
                            + " WHERE period = ? AND to_recovered) p ON b.contract_id = p.contract_id"
                            + " WHEN MATCHED THEN UPDATE SET recovered_xof = b.recovered_xof + p.amount_xof",
                    period);
            jdbc.update(LedgerRules.SETTLE_PAID_OFF_BY_POSTINGS, period, period);
        }
        refunds.create(run.runId(), run.period());
        runs.recordSummary(run.runId(), summary(period));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return posted;
    }

    /** What the run did, for its outcome line and {@code status}: the totals, and the arrears it leaves. */
    private String summary(String period) {
        String reconciled = jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(withheld_xof), 0),"
                        + " COALESCE(SUM(posted_xof), 0), COALESCE(SUM(refund_due_xof), 0) FROM reconciliation_line"
                        + " WHERE period = ?",
                (rs, i) -> Counted.of(rs.getLong(1), "row") + "; withheld "
                        + Francs.of(rs.getLong(2)) + ", posted " + Francs.of(rs.getLong(3)) + ", refund due "
                        + Francs.of(rs.getLong(4)),
                period);
        String arrears = jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(overdue_xof), 0) FROM arrears_line" + " WHERE period = ?",
                (rs, i) -> Counted.of(rs.getLong(1), "contract") + " in arrears, overdue " + Francs.of(rs.getLong(2)),
                period);
        return reconciled + "; " + arrears;
    }
}
