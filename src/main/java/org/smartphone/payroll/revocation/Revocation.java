package org.smartphone.payroll.revocation;

import java.util.Optional;
import org.smartphone.payroll.deduction.DeductionRun;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.refund.RefundItems;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Whether the latest completed deduction or reconciliation run may be revoked (SPEC 6), asked by
 * {@code revoke} before the revocation starts. The revocation itself is its steps: {@link Revoke}
 * returns the ledger to its state before the run, in one transaction, and marks the run REVOKED;
 * {@link MoveRevokedFiles} moves its files aside.
 */
@Service
public class Revocation {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final DeductionRun deduction;
    private final RefundItems refundItems;

    public Revocation(JdbcTemplate jdbc, RunRegistry runs, DeductionRun deduction, RefundItems refundItems) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.deduction = deduction;
        this.refundItems = refundItems;
    }

    /**
     * The completed run of this kind and period, when nothing depends on it (SPEC 6): it is the latest
     * completed run of the ledger (for a deduction run, its period's reconciliation has not completed;
     * for a reconciliation, the next period's deduction run has not), and no run is unfinished (one
     * started and interrupted has changed the ledger, or may). A run refused with exit 2 or 3 changed
     * nothing and counts as not started. Otherwise refused (exit 3), naming what prevents it.
     */
    public RunRecord check(RunKind kind, Period period) {
        String revoking = "The " + describe(kind, period.toString());
        runs.unfinishedOfAnyKind().ifPresent(unfinished -> {
            boolean abandonable = unfinished.state() != RunState.COMMITTED
                    && unfinished.kind().readsInput();
            throw new RefusedException(revoking + " cannot be revoked while the " + describe(unfinished)
                    + " (run " + unfinished.runId() + ") is unfinished: run " + resumeCommand(unfinished)
                    + " to finish it first"
                    + (abandonable ? ", or discard it with '" + abandonCommand(unfinished) + "'" : "") + ".");
        });
        RunRecord revoked = runs.completed(kind, period)
                .orElseThrow(() -> new RefusedException(revoking
                        + alreadyRevoked(kind, period).orElse(" has not completed: there is nothing to revoke.")));
        if (kind == RunKind.DEDUCTION && !keptReplacedCodes(revoked) && deduction.recordedMinistryCodes(period)) {
            throw new RefusedException(revoking + " (run " + revoked.runId() + ") was made by a version of the"
                    + " engine that did not keep the ministry codes it replaced, so it cannot be undone exactly;"
                    + " it is not revoked. Nothing was changed.");
        }
        refuseIfPostedAfter(kind, period, revoking);
        RunRecord latest = runs.latestCompletedPeriodRun().orElse(revoked);
        if (latest.runId() != revoked.runId()) {
            throw new RefusedException(revoking + " cannot be revoked: the " + describe(latest) + " has completed;"
                    + " revoke it first (revoke " + command(latest.kind()) + " --period " + latest.period()
                    + " --reason ...).");
        }
        if (kind == RunKind.RECONCILIATION) {
            refundItems.issuedAmongMadeBy(revoked.runId()).ifPresent(issued -> {
                throw new RefusedException(revoking + " (run " + revoked.runId() + ") cannot be revoked: the"
                        + " refund item " + issued.refundId() + " it made is in " + issued.file()
                        + " (issued to the bank or confirmed paid), and a refund instructed or paid cannot be taken"
                        + " back by the engine. Nothing was changed.");
            });
        }
        return revoked;
    }

    /**
     * SPEC 6: a deduction run of M is not revoked once a run of SPEC 7 has posted in M (its stops and
     * balances rest on that order), nor a reconciliation of M once one has posted in M + 1 (it posted on the
     * balances that reconciliation left).
     */
    private void refuseIfPostedAfter(RunKind kind, Period period, String revoking) {
        String postedIn = (kind == RunKind.DEDUCTION ? period : period.plusMonths(1)).toString();
        runs.all().stream()
                .filter(run -> run.kind().postsInOpenPeriod()
                        && postedIn.equals(run.period())
                        && run.state().reachedLedger())
                .findFirst()
                .ifPresent(run -> {
                    throw new RefusedException(
                            revoking + " cannot be revoked: the " + run.kind().label() + " of "
                                    + run.inputName() + " (run " + run.runId() + ") has posted in " + postedIn
                                    + " since, and what it posted rests on it. Nothing was changed.");
                });
    }

    /**
     * Whether the deduction run recorded the ministry codes it replaced (holder_ministry_replaced): every
     * run made since that table exists (V11 notes the first run id after it).
     */
    private boolean keptReplacedCodes(RunRecord run) {
        Long first = jdbc.queryForObject("SELECT MIN(first_run_id) FROM revocable_since", Long.class);
        return first != null && run.runId() >= first;
    }

    /** " was revoked ...": what status says of the latest revoked run of this kind and period, if any. */
    private Optional<String> alreadyRevoked(RunKind kind, Period period) {
        return runs.all().stream()
                .filter(run ->
                        run.kind() == kind && period.toString().equals(run.period()) && run.state() == RunState.REVOKED)
                .reduce((earlier, later) -> later)
                .map(run -> " (run " + run.runId() + ") was " + run.message()
                        + "; there is no completed run of it to revoke.");
    }

    /** "contracts import of contracts.csv", or as {@link #describe(RunKind, String)}: in refusals and summaries. */
    static String describe(RunRecord run) {
        return run.kind() == RunKind.IMPORT
                ? "contracts import of " + run.inputName()
                : describe(run.kind(), run.period());
    }

    /** "deduction run for 2026-03", "reconciliation of 2026-03", as the period refusals say it. */
    private static String describe(RunKind kind, String period) {
        return switch (kind) {
            case DEDUCTION -> "deduction run for " + period;
            case RECONCILIATION -> "reconciliation of " + period;
            case IMPORT -> "contracts import";
            case REVOKE -> "revocation for " + period;
            default -> kind.label() + (period == null ? "" : " in " + period);
        };
    }

    private static String command(RunKind kind) {
        return kind == RunKind.DEDUCTION ? "deduct" : "reconcile";
    }

    private static String resumeCommand(RunRecord run) {
        return run.kind().resumeCommand(run.period());
    }

    private static String abandonCommand(RunRecord run) {
        return run.kind() == RunKind.IMPORT ? "abandon import-contracts" : "abandon " + resumeCommand(run);
    }
}
