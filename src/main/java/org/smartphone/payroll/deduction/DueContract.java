package org.smartphone.payroll.deduction;

import java.util.Comparator;
import org.smartphone.payroll.contract.CodePointOrder;
import org.smartphone.payroll.period.Period;

/** An open contract with something due in the run's period (SPEC 3). */
public record DueContract(String contractId, String matricule, Period firstPeriod, long dueXof) {

    /** The order in which the contracts of one matricule share its capacity. */
    public static final Comparator<DueContract> SERVICE_ORDER = Comparator.comparing(DueContract::firstPeriod)
            .thenComparing(DueContract::contractId, CodePointOrder.INSTANCE);
}
