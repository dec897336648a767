package org.smartphone.payroll.run;

import java.util.Optional;
import org.smartphone.payroll.contract.Period;
import org.springframework.stereotype.Component;

/** The refusals that keep periods in order (SPEC 3 and 4), checked before any file is read. */
@Component
public class PeriodGuard {

    private final RunRegistry runs;

    public PeriodGuard(RunRegistry runs) {
        this.runs = runs;
    }

    /** Refuses (exit 3) when a run of this kind may not run now for that period; imports always may. */
    public void check(RunKind kind, Period period) {
        switch (kind) {
            case DEDUCTION -> checkDeductionAllowed(period);
            case RECONCILIATION -> checkReconciliationAllowed(period);
            case IMPORT -> {
                // contracts may be imported at any time; their own checks are made line by line
            }
        }
    }

    public void checkDeductionAllowed(Period period) {
        runs.unfinishedOfAnyPeriod(RunKind.IMPORT).ifPresent(run -> {
            throw new RefusedException("The deduction run for " + period + " must wait: the contracts import of "
                    + run.inputName() + " (run " + run.runId() + ") is unfinished; run import-contracts to finish it,"
                    + " or 'abandon import-contracts'.");
        });
        runs.unfinishedOfAnyPeriod(RunKind.DEDUCTION).filter(run -> !period.toString().equals(run.period()))
                .ifPresent(run -> {
                    throw new RefusedException("The deduction run for " + period + " must wait: the deduction run for "
                            + run.period() + " (run " + run.runId() + ") is unfinished; run deduct --period "
                            + run.period() + " to finish it, or abandon it.");
                });
        if (runs.isCompleted(RunKind.DEDUCTION, period)) {
            throw new AlreadyDoneException("The deduction run for " + period + " has already completed.");
        }
        Optional<Period> last = runs.lastCompletedDeduction();
        if (last.isEmpty() || runs.unfinished(RunKind.DEDUCTION, period).isPresent()) {
            return;
        }
        Period expected = last.get().plusMonths(1);
        if (!period.equals(expected)) {
            throw new RefusedException("The deduction run for " + period + " is out of order: the last deducted"
                    + " period is " + last.get() + ", so the next one is " + expected + ".");
        }
        if (!runs.isCompleted(RunKind.RECONCILIATION, last.get())) {
            throw new RefusedException("The deduction run for " + period + " must wait: " + last.get()
                    + " has not been reconciled yet (run reconcile --period " + last.get() + ").");
        }
    }

    public void checkReconciliationAllowed(Period period) {
        if (!runs.isCompleted(RunKind.DEDUCTION, period)) {
            throw new RefusedException("The reconciliation of " + period + " must wait: the deduction run for "
                    + period + " has not completed.");
        }
        if (runs.isCompleted(RunKind.RECONCILIATION, period)) {
            throw new AlreadyDoneException("The reconciliation of " + period + " has already completed.");
        }
    }
}
