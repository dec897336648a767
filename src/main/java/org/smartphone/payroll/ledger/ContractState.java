package org.smartphone.payroll.ledger;

/**
 * A contract's state, held in {@code contract.state} (SPEC 7.0). Only OPEN contracts are deducted
 * (SPEC 3), aged into arrears (SPEC 4) and listed in the follow-up file. A contract is imported OPEN and
 * becomes SETTLED when money credited to it (a withholding, a payment) brings its outstanding to 0;
 * revoking the reconciliation that settled it makes it OPEN again. WRITTEN_OFF and CANCELLED are
 * reached by actions (SPEC 7.5); their outstanding counts as 0 ({@link ContractBalance}).
 */
public enum ContractState {
    /** Still repaying: outstanding above 0. */
    OPEN,
    /** Repaid in full: outstanding 0, since the period in {@code contract.settled_period}. */
    SETTLED,
    /** What remained outstanding was written off; money received later is recovered. */
    WRITTEN_OFF,
    /** The sale was undone: what it collected was moved or refunded. */
    CANCELLED
}
