package org.smartphone.payroll.run;

/**
 * Where a run stands. RUNNING until its effect reaches the ledger in one transaction (COMMITTED),
 * then COMPLETED once its files are published and its input archived. FAILED runs are resumed by
 * the same command; REJECTED ones (invalid input) changed nothing; ABANDONED ones were discarded by
 * the {@code abandon} command before reaching the ledger; REVOKED ones completed and were undone by
 * a revocation (SPEC 6), their files moved to {@code outbox/YYYY-MM/revoked-NN/}.
 */
public enum RunState {
    RUNNING,
    COMMITTED,
    COMPLETED,
    FAILED,
    REJECTED,
    ABANDONED,
    REVOKED;

    /** Whether the run's effect is in the ledger: committed, its files published or not yet. */
    public boolean reachedLedger() {
        return this == COMMITTED || this == COMPLETED;
    }

    /** Whether the run is unfinished: the same command resumes it (RUNNING, COMMITTED or FAILED). */
    public boolean isUnfinished() {
        return this == RUNNING || this == COMMITTED || this == FAILED;
    }

    /**
     * {@link #reachedLedger} in SQL.
     *
     * @param column the state column of payroll_run in the statement
     */
    public static String reachedLedger(String column) {
        return column + " IN ('" + COMMITTED + "', '" + COMPLETED + "')";
    }
}
