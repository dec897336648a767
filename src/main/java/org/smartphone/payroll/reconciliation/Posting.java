package org.smartphone.payroll.reconciliation;

/**
 * What a withheld amount does to a contract (SPEC 4): {@code posted = min(withheld, outstanding
 * before posting)}; the rest is refund due. An amount above the month's expectation but within the
 * outstanding balance is a prepayment.
 */
public record Posting(long postedXof, long refundDueXof) {

    public static Posting of(ReconciliationStatus status, long withheldXof, long outstandingBeforeXof) {
        if (!status.posts()) {
            return new Posting(0, withheldXof);
        }
        long posted = Math.min(withheldXof, outstandingBeforeXof);
        return new Posting(posted, withheldXof - posted);
    }
}
