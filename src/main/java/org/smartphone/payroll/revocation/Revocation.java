package org.smartphone.payroll.revocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.deduction.DeductionRun;
import org.smartphone.payroll.deduction.PublishDeduction;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.reconciliation.PublishReconciliation;
import org.smartphone.payroll.reconciliation.ReconciliationRun;
import org.smartphone.payroll.report.PeriodReport;
import org.smartphone.payroll.run.RefusedException;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Undoes the latest completed deduction or reconciliation run (SPEC 6): {@link #check} says whether
 * it may be revoked; {@link #commit} returns the ledger to its state before the run, in one
 * transaction, and marks the run REVOKED; {@link #moveFiles} moves its files aside.
 */
@Service
public class Revocation {

    private static final Pattern REVOKED_FOLDER = Pattern.compile("revoked-(\\d+)");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final DeductionRun deduction;
    private final ReconciliationRun reconciliation;
    private final Home home;

    public Revocation(JdbcTemplate jdbc, RunRegistry runs, DeductionRun deduction, ReconciliationRun reconciliation,
            Home home) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.deduction = deduction;
        this.reconciliation = reconciliation;
        this.home = home;
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
            boolean abandonable = unfinished.state() != RunState.COMMITTED && unfinished.kind().readsInput();
            throw new RefusedException(revoking + " cannot be revoked while the " + describe(unfinished)
                    + " (run " + unfinished.runId() + ") is unfinished: run " + resumeCommand(unfinished)
                    + " to finish it first" + (abandonable ? ", or discard it with '" + abandonCommand(unfinished)
                            + "'" : "") + ".");
        });
        RunRecord revoked = runs.completed(kind, period).orElseThrow(() -> new RefusedException(revoking
                + alreadyRevoked(kind, period).orElse(" has not completed: there is nothing to revoke.")));
        if (kind == RunKind.DEDUCTION && !keptReplacedCodes(revoked) && deduction.recordedMinistryCodes(period)) {
            throw new RefusedException(revoking + " (run " + revoked.runId() + ") was made by a version of the"
                    + " engine that did not keep the ministry codes it replaced, so it cannot be undone exactly;"
                    + " it is not revoked. Nothing was changed.");
        }
        RunRecord latest = runs.latestCompletedPeriodRun().orElse(revoked);
        if (latest.runId() != revoked.runId()) {
            throw new RefusedException(revoking + " cannot be revoked: the " + describe(latest) + " has completed;"
                    + " revoke it first (revoke " + command(latest.kind()) + " --period " + latest.period()
                    + " --reason ...).");
        }
        return revoked;
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
                .filter(run -> run.kind() == kind && period.toString().equals(run.period())
                        && run.state() == RunState.REVOKED)
                .reduce((earlier, later) -> later)
                .map(run -> " (run " + run.runId() + ") was " + run.message()
                        + "; there is no completed run of it to revoke.");
    }

    /**
     * The revocation's one commit: the run's effect on the ledger undone, the run REVOKED and its input
     * no longer processed, and the folder its files go to chosen (recorded, so that moving them after a
     * crash goes on into the same folder).
     */
    public long commit(RunContext run) throws IOException {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        RunRecord revoked = runs.find(run.revokedRun())
                .orElseThrow(() -> new IllegalStateException("run " + run.revokedRun() + " is not recorded"));
        switch (revoked.kind()) {
            case DEDUCTION -> deduction.revoke(run.period());
            case RECONCILIATION -> reconciliation.revoke(run.period(), revoked.runId());
            default -> throw new IllegalStateException("a " + revoked.kind().label() + " cannot be revoked");
        }
        String folder = nextFolder(run.period());
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("INSERT INTO revocation (run_id, revoked_run_id, reason, folder, revoked_at)"
                + " VALUES (?, ?, ?, ?, ?)",
                run.runId(), revoked.runId(), run.reason(), folder, Timestamp.valueOf(now));
        runs.markRevoked(revoked.runId(), "revoked " + now.toString().replace('T', ' ') + " by run " + run.runId()
                + ": " + run.reason());
        runs.recordSummary(run.runId(), "revoked run " + revoked.runId() + " (" + describe(revoked) + ", "
                + revoked.inputName() + "); its files are in outbox/" + run.period() + "/" + folder + "/");
        runs.markRevocationCommitted(run.runId());
        return 1;
    }

    /**
     * Moves the revoked run's files (sidecars and manifest, and the period report written from it) to
     * the folder chosen at the commit; after a crash, what is left is moved.
     */
    public long moveFiles(RunContext run) throws IOException {
        String folder = jdbc.queryForObject("SELECT folder FROM revocation WHERE run_id = ?", String.class,
                run.runId());
        RunRecord revoked = runs.find(run.revokedRun()).orElseThrow();
        List<String> files = new ArrayList<>(revoked.kind() == RunKind.DEDUCTION
                ? PublishDeduction.outputFiles(run.period()) : PublishReconciliation.outputFiles(run.period()));
        files.add(PeriodReport.fileName(run.period()));
        return Outbox.moveAside(home.outbox(run.period()), files, folder);
    }

    /** {@code revoked-NN}, NN from 01: one more than any revocation of the period has used, on disk or recorded. */
    private String nextFolder(Period period) throws IOException {
        int last = 0;
        for (String used : jdbc.queryForList("SELECT r.folder FROM revocation r JOIN payroll_run p"
                + " ON p.run_id = r.run_id WHERE p.period = ?", String.class, period.toString())) {
            last = Math.max(last, number(used));
        }
        Path outbox = home.outbox(period);
        if (Files.isDirectory(outbox)) {
            try (Stream<Path> entries = Files.list(outbox)) {
                for (Path entry : entries.toList()) {
                    last = Math.max(last, number(entry.getFileName().toString()));
                }
            }
        }
        return String.format("revoked-%02d", last + 1);
    }

    private static int number(String folder) {
        Matcher matcher = REVOKED_FOLDER.matcher(folder);
        return matcher.matches() && folder.length() <= 12 ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private static String describe(RunRecord run) {
        return run.kind() == RunKind.IMPORT ? "contracts import of " + run.inputName()
                : describe(run.kind(), run.period());
    }

    /** "deduction run for 2026-03", "reconciliation of 2026-03", as the period refusals say it. */
    private static String describe(RunKind kind, String period) {
        return switch (kind) {
            case DEDUCTION -> "deduction run for " + period;
            case RECONCILIATION -> "reconciliation of " + period;
            case IMPORT -> "contracts import";
            case REVOKE -> "revocation for " + period;
        };
    }

    private static String command(RunKind kind) {
        return kind == RunKind.DEDUCTION ? "deduct" : "reconcile";
    }

    private static String resumeCommand(RunRecord run) {
        return switch (run.kind()) {
            case IMPORT -> "import-contracts";
            case DEDUCTION -> "deduct --period " + run.period();
            case RECONCILIATION -> "reconcile --period " + run.period();
            case REVOKE -> "revoke";
        };
    }

    private static String abandonCommand(RunRecord run) {
        return run.kind() == RunKind.IMPORT ? "abandon import-contracts"
                : "abandon " + resumeCommand(run);
    }
}
