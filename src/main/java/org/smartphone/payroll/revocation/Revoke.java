package org.smartphone.payroll.revocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.deduction.DeductionRun;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.ReconciliationRun;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Timestamps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code revoke} of a revocation (SPEC 6), its one commit: the run's effect on the ledger
 * undone ({@link DeductionRun#revoke}, {@link ReconciliationRun#revoke}), the run REVOKED and its input
 * no longer processed, and the folder its files go to chosen (recorded, so that moving them after a
 * crash goes on into the same folder).
 */
@Component
class Revoke implements Work {

    private static final Pattern REVOKED_FOLDER = Pattern.compile("revoked-(\\d+)");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final DeductionRun deduction;
    private final ReconciliationRun reconciliation;
    private final Home home;

    Revoke(JdbcTemplate jdbc, RunRegistry runs, DeductionRun deduction, ReconciliationRun reconciliation, Home home) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.deduction = deduction;
        this.reconciliation = reconciliation;
        this.home = home;
    }

    @Override
    public long run(RunContext run) throws IOException {
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
        jdbc.update(
                "INSERT INTO revocation (run_id, revoked_run_id, reason, folder, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                run.runId(),
                revoked.runId(),
                run.reason(),
                folder,
                Timestamp.valueOf(now));
        runs.markRevoked(
                revoked.runId(),
                "revoked " + Timestamps.toTheSecond(now) + " by run " + run.runId() + ": " + run.reason());
        runs.recordSummary(
                run.runId(),
                "revoked run " + revoked.runId() + " (" + Revocation.describe(revoked) + ", " + revoked.inputName()
                        + "); its files are in outbox/" + run.period() + "/" + folder + "/");
        runs.markRevocationCommitted(run.runId());
        return 1;
    }

    /** {@code revoked-NN}, NN from 01: one more than any revocation of the period has used, on disk or recorded. */
    private String nextFolder(Period period) throws IOException {
        int last = 0;
        for (String used : jdbc.queryForList(
                "SELECT r.folder FROM revocation r JOIN payroll_run p" + " ON p.run_id = r.run_id WHERE p.period = ?",
                String.class,
                period.toString())) {
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
}
