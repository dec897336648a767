package org.smartphone.payroll.ledger;

/**
 * A contract's money as SPEC 7.0 keeps it: its state, what was financed, what it collected (net cash
 * posted), what was written off and what was recovered after a write-off. Invariants: 0 ≤ collected +
 * written_off ≤ financed; 0 ≤ recovered ≤ written_off. The credit rule ({@link #credit}) is the one way
 * money arriving for a contract is applied. Plain Java: the runs read a balance, apply the rule, and
 * write what it returns ({@link LedgerRules} holds the same rules for SQL).
 */
public record ContractBalance(
        ContractState state, long financedXof, long collectedXof, long writtenOffXof, long recoveredXof) {

    public ContractBalance {
        if (state == null) {
            throw new IllegalArgumentException("a contract has a state");
        }
        if (collectedXof < 0
                || writtenOffXof < 0
                || collectedXof + writtenOffXof > financedXof
                || recoveredXof < 0
                || recoveredXof > writtenOffXof) {
            throw new IllegalStateException("balance outside its range: financed " + financedXof + ", collected "
                    + collectedXof + ", written off " + writtenOffXof + ", recovered " + recoveredXof);
        }
    }

    /** An open contract that has collected nothing yet, as imported. */
    public static ContractBalance imported(long financedXof) {
        return new ContractBalance(ContractState.OPEN, financedXof, 0, 0, 0);
    }

    /**
     * What the contract still owes: financed − collected − written_off for an OPEN or SETTLED contract,
     * 0 for a WRITTEN_OFF or CANCELLED one (SPEC 7.0).
     */
    public long outstandingXof() {
        return state == ContractState.OPEN || state == ContractState.SETTLED
                ? financedXof - collectedXof - writtenOffXof
                : 0;
    }

    /**
     * The credit rule (SPEC 7.0): an amount above 0 arriving for this contract. OPEN: posted = min(a,
     * outstanding), added to collected, SETTLED when the outstanding reaches 0; WRITTEN_OFF: posted =
     * min(a, written_off − recovered), added to recovered; SETTLED or CANCELLED: nothing posted. What
     * is not posted is refund due.
     */
    public Credit credit(long amountXof) {
        if (amountXof <= 0) {
            throw new IllegalArgumentException("a credit is above 0, not " + amountXof);
        }
        return switch (state) {
            case OPEN -> {
                long posted = Math.min(amountXof, outstandingXof());
                ContractBalance after =
                        new ContractBalance(state, financedXof, collectedXof + posted, writtenOffXof, recoveredXof);
                boolean settled = after.outstandingXof() == 0;
                yield new Credit(
                        posted, amountXof - posted, false, settled, settled ? after.in(ContractState.SETTLED) : after);
            }
            case WRITTEN_OFF -> {
                long posted = Math.min(amountXof, writtenOffXof - recoveredXof);
                yield new Credit(
                        posted,
                        amountXof - posted,
                        true,
                        false,
                        new ContractBalance(state, financedXof, collectedXof, writtenOffXof, recoveredXof + posted));
            }
            case SETTLED, CANCELLED -> new Credit(0, amountXof, false, false, this);
        };
    }

    /** The same amounts in another state. */
    public ContractBalance in(ContractState other) {
        return new ContractBalance(other, financedXof, collectedXof, writtenOffXof, recoveredXof);
    }

    /**
     * What the credit rule did with an amount: posted (to collected, or to recovered when {@code
     * toRecovered}), the refund due (the rest), whether it settled the contract (an OPEN one whose
     * outstanding reached 0), and the balance after.
     */
    public record Credit(
            long postedXof, long refundDueXof, boolean toRecovered, boolean settled, ContractBalance after) {}
}
