package org.smartphone.payroll.deduction;

/**
 * What the deduction run instructs for one contract: {@code amount} out of {@code due}; a reason
 * when the amount is below the due, null otherwise.
 */
public record Instruction(DueContract contract, long amountXof, DeductionReason reason) {

    public long shortfallXof() {
        return contract.dueXof() - amountXof;
    }

    public boolean isOrdered() {
        return amountXof > 0;
    }

    public boolean isException() {
        return amountXof < contract.dueXof();
    }
}
