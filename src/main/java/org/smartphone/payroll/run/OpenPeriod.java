package org.smartphone.payroll.run;

import java.util.Optional;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.period.Period;
import org.springframework.stereotype.Component;

/**
 * The open period P of SPEC 7.0, in which payments, supplements and actions post. L is the latest
 * period whose deduction run completed: while the reconciliation of L has not completed, P = L and
 * P's order is issued (the payroll office holds it, so a change to a contract's balance is sent as a
 * stop); once it has, P = L + 1 and the next deduction run computes dues from the new balances.
 */
@Component
public class OpenPeriod {

    private final RunRegistry runs;

    public OpenPeriod(RunRegistry runs) {
        this.runs = runs;
    }

    /** P and whether its order is issued; empty before the first deduction run. */
    public Optional<Open> current() {
        return runs.lastCompletedDeduction()
                .map(last -> runs.isCompleted(RunKind.RECONCILIATION, last)
                        ? new Open(last.plusMonths(1), false)
                        : new Open(last, true));
    }

    /**
     * P, for a run that posts in it; refused (exit 3) before the first deduction run, when there is no
     * period to post in yet.
     *
     * @param run what the treasurer asked for, as the refusal names it ("The payments run")
     */
    public Open require(String run) {
        return current()
                .orElseThrow(() -> new RefusedException(run + " must wait: no deduction run has completed yet, so"
                        + " there is no open period to post in. Run the first month's deduction first."));
    }

    /**
     * @param period P
     * @param orderIssued whether the deduction run of P has completed and its reconciliation not
     */
    public record Open(Period period, boolean orderIssued) {}
}
