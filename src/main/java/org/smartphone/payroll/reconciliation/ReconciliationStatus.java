package org.smartphone.payroll.reconciliation;

/** The outcome of one reconciliation row (SPEC 4). */
public enum ReconciliationStatus {
    MATCHED,
    NOT_WITHHELD,
    SHORT,
    OVER,
    UNEXPECTED;

    /** Status of an order line expecting {@code expected} (> 0) of which {@code withheld} came back. */
    public static ReconciliationStatus of(long expectedXof, long withheldXof) {
        if (withheldXof == expectedXof) {
            return MATCHED;
        }
        if (withheldXof == 0) {
            return NOT_WITHHELD;
        }
        return withheldXof < expectedXof ? SHORT : OVER;
    }

    /** Whether the withheld amount reaches the contract's ledger. */
    public boolean posts() {
        return this == MATCHED || this == SHORT || this == OVER;
    }
}
