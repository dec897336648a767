package org.smartphone.payroll.payment;

import org.smartphone.payroll.ledger.ContractBalance.Credit;

/** The status of a row of {@code payments-P-NN.csv} (SPEC 7.1), the first that holds. */
public enum PaymentStatus {
    /** Nothing posted: the whole payment is refund due. */
    REFUNDED,
    /** This payment settled the contract. */
    SETTLED,
    /** Posted to a written-off contract, as money recovered. */
    RECOVERED,
    /** Posted to what the contract owes. */
    POSTED;

    public static PaymentStatus of(Credit credit) {
        if (credit.postedXof() == 0) {
            return REFUNDED;
        }
        if (credit.settled()) {
            return SETTLED;
        }
        return credit.toRecovered() ? RECOVERED : POSTED;
    }
}
