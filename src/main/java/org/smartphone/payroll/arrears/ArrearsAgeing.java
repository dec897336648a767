package org.smartphone.payroll.arrears;

import java.util.Optional;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.period.Period;

/**
 * Ages a contract's arrears after the reconciliation of a period (SPEC 4): the overdue amount, the
 * oldest installment not fully covered, months past due and bucket, and the reason.
 */
public final class ArrearsAgeing {

    public static final String PRIOR_ARREARS = "PRIOR_ARREARS";

    private ArrearsAgeing() {}

    /**
     * @param balance the contract after this period's posting
     * @param orderStatus the status of the contract's order-line row in M, or null when none
     * @param exceptionReason the contract's deduction exception reason in M, or null when none
     * @return the arrears, or empty when nothing is overdue
     */
    public static Optional<Arrears> age(Balance balance, Period period, String orderStatus, String exceptionReason) {
        long overdue = balance.dueXof(period);
        if (overdue == 0) {
            return Optional.empty();
        }
        Period oldest =
                balance.schedule().oldestUnpaidPeriod(balance.collectedXof()).orElseThrow();
        int monthsPastDue = oldest.monthsUntil(period) + 1;
        return Optional.of(new Arrears(
                overdue,
                balance.outstandingXof(),
                oldest,
                monthsPastDue,
                ArrearsBucket.of(monthsPastDue),
                reason(orderStatus, exceptionReason)));
    }

    static String reason(String orderStatus, String exceptionReason) {
        if ("NOT_WITHHELD".equals(orderStatus) || "SHORT".equals(orderStatus)) {
            return orderStatus;
        }
        if (exceptionReason != null) {
            return exceptionReason;
        }
        return PRIOR_ARREARS;
    }

    /** One contract's arrears after the reconciliation of a period. */
    public record Arrears(
            long overdueXof,
            long outstandingXof,
            Period oldestUnpaidPeriod,
            int monthsPastDue,
            ArrearsBucket bucket,
            String reason) {}
}
