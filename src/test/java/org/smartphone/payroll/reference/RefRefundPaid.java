package org.smartphone.payroll.reference;

import java.time.LocalDate;
import java.util.Objects;

/** One line of a refunds-paid file (SPEC 7.2): the bank paid this refund item. */
public record RefRefundPaid(String refundId, LocalDate paidOn, long amountXof, String paymentRef) {

    public RefRefundPaid {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(paymentRef, "paymentRef");
    }
}
