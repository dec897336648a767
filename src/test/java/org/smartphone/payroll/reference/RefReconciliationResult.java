package org.smartphone.payroll.reference;

import java.util.List;

/**
 * Expected data rows (header excluded) of {@code reconciliation-YYYY-MM.csv} and
 * {@code arrears-YYYY-MM.csv}, cells exactly as written, rows in file order.
 */
public record RefReconciliationResult(String period, List<List<String>> reconciliation, List<List<String>> arrears) {

    public RefReconciliationResult {
        reconciliation = List.copyOf(reconciliation);
        arrears = List.copyOf(arrears);
    }

    /** Sum of posted_xof over the reconciliation rows. */
    public long totalPostedXof() {
        long total = 0;
        for (List<String> row : reconciliation) {
            total += Long.parseLong(row.get(6));
        }
        return total;
    }

    /** Sum of refund_due_xof over the reconciliation rows. */
    public long totalRefundDueXof() {
        long total = 0;
        for (List<String> row : reconciliation) {
            total += Long.parseLong(row.get(7));
        }
        return total;
    }
}
