package org.smartphone.payroll.stop;

import org.smartphone.payroll.ledger.ContractState;

/** Why an order line was stopped (SPEC 7.0, the {@code reason} column of the stops file). */
public enum StopReason {
    /** Money credited by a payment or moved by a cancellation to a replacement contract. */
    PAID_OUTSIDE_PAYROLL,
    /** After a supplementary return. */
    WITHHELD_LATE,
    /** After a write-off. */
    WRITTEN_OFF,
    /** After a cancellation. */
    CANCELLED;

    /**
     * The reason of a stop made by a run whose credits stop order lines for {@code credited}: a contract
     * written off or cancelled is stopped for that, whatever the run that did it.
     */
    public static StopReason of(ContractState state, StopReason credited) {
        return switch (state) {
            case WRITTEN_OFF -> WRITTEN_OFF;
            case CANCELLED -> CANCELLED;
            case OPEN, SETTLED -> credited;
        };
    }
}
