package org.smartphone.payroll.payment;

import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A payments run as the commands around it see it: {@code abandon record-payments} discards an
 * unfinished one, and its steps ask whether P's order is issued. The run itself is its steps:
 * {@link StagePayments}, {@link CommitPayments}, {@link PublishPayments} and {@link ArchivePayments},
 * wired by {@link PaymentsJobConfiguration}.
 */
@Service
public class PaymentsRun {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;

    public PaymentsRun(JdbcTemplate jdbc, RunRegistry runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /**
     * Whether the deduction order of P is with the payroll office: its deduction run has completed and
     * its reconciliation has not (SPEC 7.0). Asked by the run's commit and publish steps: no other run
     * can complete while this one is unfinished, so both get the same answer.
     */
    boolean isOrderIssued(Period period) {
        return runs.isCompleted(RunKind.DEDUCTION, period) && !runs.isCompleted(RunKind.RECONCILIATION, period);
    }

    /** Removes what an unfinished payments run staged (for {@code abandon record-payments}). */
    public void discard(long runId) {
        jdbc.update("DELETE FROM payment_entry WHERE run_id = ?", runId);
    }
}
