package org.smartphone.payroll.deduction;

import java.util.ArrayList;
import java.util.List;
import org.smartphone.payroll.config.CapRatio;

/**
 * Shares what one person's pay can bear among that person's contracts (SPEC 3): nothing when the
 * person is absent from the payroll or not active; otherwise the capacity, served in
 * ({@code first_period}, {@code contract_id}) order.
 */
public final class DeductionAllocator {

    private final CapRatio capRatio;

    public DeductionAllocator(CapRatio capRatio) {
        this.capRatio = capRatio;
    }

    /**
     * @param entry the person's register row for the period, or null when absent
     * @param contracts the person's contracts with a due above zero, in any order
     */
    public List<Instruction> allocate(PayrollEntry entry, List<DueContract> contracts) {
        List<DueContract> ordered = new ArrayList<>(contracts);
        ordered.sort(DueContract.SERVICE_ORDER);
        List<Instruction> instructions = new ArrayList<>(ordered.size());
        if (entry == null || entry.status() != EmploymentStatus.ACTIVE) {
            DeductionReason reason = entry == null
                    ? DeductionReason.NOT_IN_PAYROLL
                    : entry.status().reasonWhenNotActive();
            for (DueContract contract : ordered) {
                instructions.add(new Instruction(contract, 0, reason));
            }
            return instructions;
        }
        long capacityLeft = capRatio.capacity(entry.netPayXof());
        for (DueContract contract : ordered) {
            long amount = Math.min(contract.dueXof(), capacityLeft);
            capacityLeft -= amount;
            DeductionReason reason = amount < contract.dueXof() ? DeductionReason.CAPPED : null;
            instructions.add(new Instruction(contract, amount, reason));
        }
        return instructions;
    }
}
