package org.smartphone.payroll.ledger;

/**
 * A contract's state, held in {@code contract.state} (SPEC 7.0). Only OPEN contracts are deducted
 * (SPEC 3) and aged into arrears (SPEC 4). Today a contract is imported OPEN and becomes SETTLED
 * when a reconciliation's posting brings what it collected to what was financed; revoking that
 * reconciliation makes it OPEN again. WRITTEN_OFF and CANCELLED are the states SPEC 7 adds; no run
 * reaches them yet, and the database refuses them (V12's check) until the runs that do arrive.
 */
public enum ContractState {
    /** Still repaying: outstanding above 0. */
    OPEN,
    /** Repaid in full: outstanding 0, since the period in {@code contract.settled_period}. */
    SETTLED,
    /** What remained outstanding was written off (SPEC 7). */
    WRITTEN_OFF,
    /** The sale was undone (SPEC 7). */
    CANCELLED
}
