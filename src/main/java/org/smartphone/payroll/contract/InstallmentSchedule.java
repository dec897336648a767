package org.smartphone.payroll.contract;

import java.util.Optional;
import org.smartphone.payroll.period.Period;

/**
 * The repayment schedule of one contract (SPEC 2), fixed at import: installments 1 to term−1
 * are {@code base}, the last one carries the remainder so that they add up to the financed amount.
 */
public record InstallmentSchedule(long financed, int term, Period firstPeriod, long base) {

    public static final int MAX_TERM = 60;

    public InstallmentSchedule {
        if (term < 1 || term > MAX_TERM) {
            throw new IllegalArgumentException("term must be 1 to " + MAX_TERM + " months");
        }
        if (base < 1 || base * (term - 1) > financed - base) {
            throw new IllegalArgumentException("installments do not fit the financed amount");
        }
    }

    /**
     * {@code base = floor(financed / term / unit) × unit}. Rejects a financed amount below
     * {@code term × unit}, for which the base installment would be zero.
     */
    public static InstallmentSchedule of(long financed, int term, Period firstPeriod, long unit) {
        if (unit < 1) {
            throw new IllegalArgumentException("rounding unit must be at least 1 franc");
        }
        if (term < 1 || term > MAX_TERM) {
            throw new IllegalArgumentException("term must be 1 to " + MAX_TERM + " months");
        }
        if (financed < (long) term * unit) {
            throw new IllegalArgumentException("financed amount " + financed + " is less than " + term
                    + " installments of the rounding unit " + unit);
        }
        long base = financed / term / unit * unit;
        return new InstallmentSchedule(financed, term, firstPeriod, base);
    }

    /** Installment number {@code i}, 1-based. */
    public long installment(int i) {
        if (i < 1 || i > term) {
            throw new IllegalArgumentException("no installment " + i + " in a term of " + term);
        }
        return i < term ? base : lastInstallment();
    }

    public long lastInstallment() {
        return financed - base * (term - 1);
    }

    public Period lastPeriod() {
        return firstPeriod.plusMonths(term - 1);
    }

    public Period periodOf(int installment) {
        return firstPeriod.plusMonths(installment - 1);
    }

    /** Sum of the installments due in periods up to and including {@code period}. */
    public long scheduledThrough(Period period) {
        int dueCount = firstPeriod.monthsUntil(period) + 1;
        if (dueCount <= 0) {
            return 0;
        }
        if (dueCount >= term) {
            return financed;
        }
        return base * dueCount;
    }

    /**
     * Applies {@code collected} to the installments in order and gives the period of the first one
     * not fully covered; empty once everything is collected.
     */
    public Optional<Period> oldestUnpaidPeriod(long collected) {
        if (collected >= financed) {
            return Optional.empty();
        }
        long fullyCovered = Math.min(term - 1, collected / base);
        return Optional.of(periodOf((int) fullyCovered + 1));
    }
}
