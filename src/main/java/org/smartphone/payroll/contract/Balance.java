package org.smartphone.payroll.contract;

import org.smartphone.payroll.period.Period;

/**
 * A contract's schedule with what has been collected on it so far (SPEC 2 and 3).
 * Invariant: 0 ≤ collected ≤ financed.
 */
public record Balance(InstallmentSchedule schedule, long collectedXof) {

    public Balance {
        if (collectedXof < 0 || collectedXof > schedule.financed()) {
            throw new IllegalStateException("collected " + collectedXof + " outside 0.." + schedule.financed());
        }
    }

    public long outstandingXof() {
        return schedule.financed() - collectedXof;
    }

    public boolean isSettled() {
        return outstandingXof() == 0;
    }

    /** {@code max(0, scheduled(c, M) − collected(c))}: what is due in M, arrears included. */
    public long dueXof(Period period) {
        return Math.max(0, schedule.scheduledThrough(period) - collectedXof);
    }

    /** The part of the due in M that was already due in M − 1. */
    public long arrearsPartXof(Period period) {
        return dueXof(period.plusMonths(-1));
    }

    public long currentPartXof(Period period) {
        return dueXof(period) - arrearsPartXof(period);
    }

    public Balance plus(long postedXof) {
        return new Balance(schedule, collectedXof + postedXof);
    }
}
