package org.smartphone.payroll.run;

import java.util.Optional;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The refusals that keep periods in order (SPEC 3, 4 and 6), checked before any file is read. */
@Component
public class PeriodGuard {

    /** Whether any contract has its first installment in the period or before (SPEC 3). */
    private static final String ANY_CONTRACT_STARTED = """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM contract WHERE first_period <= ?) THEN 1 ELSE 0 END""";

    private final RunRegistry runs;
    private final JdbcTemplate jdbc;

    public PeriodGuard(RunRegistry runs, JdbcTemplate jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    /**
     * Refuses (exit 3) when a run of this kind may not run now for that period; imports may, but for
     * an unfinished revocation, which every other run waits for.
     */
    public void check(RunKind kind, Period period) {
        if (kind != RunKind.REVOKE) {
            checkNoRevocationUnfinished();
        }
        if (!kind.isLifeEvent()) {
            checkNoLifeEventUnfinished(kind);
        }
        switch (kind) {
            case DEDUCTION -> checkDeductionAllowed(period);
            case RECONCILIATION -> checkReconciliationAllowed(period);
            case IMPORT, REVOKE -> {
                // contracts may be imported at any time, their own checks made line by line; a
                // revocation has its own checks (revocation package)
            }
            default -> checkNoOtherRunUnfinished(kind);
        }
    }

    /**
     * A revocation that has started is finished before anything else runs (SPEC 6: one commit, resumed
     * like any run): once committed, its run's files wait in the outbox to be moved aside, where a new
     * run of the period would otherwise write over them.
     */
    public void checkNoRevocationUnfinished() {
        runs.unfinishedOfAnyPeriod(RunKind.REVOKE).ifPresent(revocation -> {
            String command = runs.revokedBy(revocation.runId())
                    .map(revoked -> "revoke " + (revoked.kind() == RunKind.DEDUCTION ? "deduct" : "reconcile")
                            + " --period " + revoked.period() + " --reason ...")
                    .orElse("revoke");
            throw new RefusedException("A revocation (run " + revocation.runId() + ", " + revocation.period()
                    + ") is unfinished: run the same command again (" + command + ") to finish it first.");
        });
    }

    /**
     * SPEC 7.0: while any run is unfinished, every other command that changes the ledger is refused
     * (exit 3), naming the command that resumes it. Used by the runs of SPEC 7; the monthly runs keep
     * their own narrower checks ({@link #check}) and wait only for an unfinished run of SPEC 7.
     *
     * @param kind the run asked for: an unfinished run of the same kind is resumed, not refused
     */
    public void checkNoOtherRunUnfinished(RunKind kind) {
        runs.unfinishedOfAnyKind().filter(run -> run.kind() != kind).ifPresent(run -> refuse(kind, run));
    }

    /** The monthly runs wait for an unfinished run of SPEC 7 (payments, refunds). */
    private void checkNoLifeEventUnfinished(RunKind kind) {
        runs.all().stream()
                .filter(run -> run.kind().isLifeEvent()
                        && run.kind() != kind
                        && run.state().isUnfinished())
                .findFirst()
                .ifPresent(run -> refuse(kind, run));
    }

    private static void refuse(RunKind kind, RunRecord run) {
        throw new RefusedException(
                "The " + kind.label() + " must wait: the " + run.kind().label()
                        + (run.period() == null ? "" : " for " + run.period()) + " (run " + run.runId()
                        + ") is unfinished; run " + run.kind().resumeCommand(run.period()) + " to finish it.");
    }

    public void checkDeductionAllowed(Period period) {
        runs.unfinishedOfAnyPeriod(RunKind.IMPORT).ifPresent(run -> {
            throw new RefusedException("The deduction run for " + period + " must wait: the contracts import of "
                    + run.inputName() + " (run " + run.runId() + ") is unfinished; run import-contracts to finish it,"
                    + " or 'abandon import-contracts'.");
        });
        runs.unfinishedOfAnyPeriod(RunKind.DEDUCTION)
                .filter(run -> !period.toString().equals(run.period()))
                .ifPresent(run -> {
                    throw new RefusedException("The deduction run for " + period + " must wait: the deduction run for "
                            + run.period() + " (run " + run.runId() + ") is unfinished; run deduct --period "
                            + run.period() + " to finish it, or abandon it.");
                });
        if (runs.isCompleted(RunKind.DEDUCTION, period)) {
            throw new AlreadyDoneException("The deduction run for " + period + " has already completed.");
        }
        if (runs.unfinished(RunKind.DEDUCTION, period).isPresent()) {
            return;
        }
        Optional<Period> last = runs.lastCompletedDeduction();
        if (last.isPresent()) {
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
        checkSomeContractStarted(period);
    }

    /**
     * A deduction run with no contract started would close the period with nothing, after which its
     * contracts could never be imported (SPEC 2: they must start after the last deducted period).
     */
    private void checkSomeContractStarted(Period period) {
        Integer started = jdbc.queryForObject(ANY_CONTRACT_STARTED, Integer.class, period.toString());
        if (started == null || started == 0) {
            throw new RefusedException("The deduction run for " + period + " must wait: no contract has its first"
                    + " installment in " + period + " or before: import the contracts first (import-contracts),"
                    + " then run deduct again.");
        }
    }

    public void checkReconciliationAllowed(Period period) {
        if (!runs.isCompleted(RunKind.DEDUCTION, period)) {
            throw new RefusedException("The reconciliation of " + period + " must wait: the deduction run for " + period
                    + " has not completed.");
        }
        if (runs.isCompleted(RunKind.RECONCILIATION, period)) {
            throw new AlreadyDoneException("The reconciliation of " + period + " has already completed.");
        }
    }
}
