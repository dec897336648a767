package org.smartphone.payroll.reconciliation;

import org.smartphone.payroll.ledger.ContractBalance;
import org.smartphone.payroll.ledger.ContractBalance.Credit;

/**
 * What a withheld amount does to a contract (SPEC 4): for a status that posts, the credit rule of SPEC
 * 7.0 ({@link ContractBalance#credit}) by the contract's state when it is reconciled: an OPEN contract
 * takes {@code min(withheld, outstanding before posting)} (an amount above the month's expectation but
 * within the outstanding balance is a prepayment), a WRITTEN_OFF one takes what was written off and not
 * yet recovered, as recovered money, a SETTLED or CANCELLED one nothing; the rest is refund due.
 *
 * @param toRecovered whether what is posted is recovered money (a written-off contract), not collected
 */
public record Posting(long postedXof, long refundDueXof, boolean toRecovered) {

    public static Posting of(ReconciliationStatus status, long withheldXof, ContractBalance before) {
        if (!status.posts()) {
            return new Posting(0, withheldXof, false);
        }
        if (withheldXof == 0) {
            return new Posting(0, 0, false); // a line stopped to 0 and nothing withheld: MATCHED
        }
        Credit credit = before.credit(withheldXof);
        return new Posting(credit.postedXof(), credit.refundDueXof(), credit.toRecovered());
    }
}
