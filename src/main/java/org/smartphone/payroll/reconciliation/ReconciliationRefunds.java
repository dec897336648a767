package org.smartphone.payroll.reconciliation;

import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.refund.RefundItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The refund items a reconciliation makes (SPEC 7.0): one per row of its file with a refund due above
 * 0, named {@code reconciliation-M-NNNNNN} by the row's number in the published file's order, its
 * payee the row's matricule for an UNEXPECTED row (whoever holds the contract), else the contract's
 * current matricule when the item is issued. Made in the run's commit; undone by its revocation.
 */
@Component
class ReconciliationRefunds {

    private final JdbcTemplate jdbc;
    private final RefundItems items;

    ReconciliationRefunds(JdbcTemplate jdbc, RefundItems items) {
        this.jdbc = jdbc;
        this.items = items;
    }

    /** Makes the items of the reconciliation run {@code runId} of {@code period}; returns how many. */
    long create(long runId, Period period) {
        String p = period.toString();
        String file = PublishReconciliation.reconciliationFile(period);
        long[] row = {0};
        try (RefundItems.Creation creation = items.creating(runId, p)) {
            jdbc.query(
                    "SELECT contract_id, matricule, unexpected, refund_due_xof FROM reconciliation_line"
                            + " WHERE period = ?" + PublishReconciliation.ROW_ORDER,
                    rs -> {
                        row[0]++;
                        long refundDue = rs.getLong(4);
                        if (refundDue > 0) {
                            creation.add(
                                    RefundItems.refundId(file, row[0]),
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    refundDue);
                        }
                    },
                    p);
            return creation.count();
        }
    }
}
