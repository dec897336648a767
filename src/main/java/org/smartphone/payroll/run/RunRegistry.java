package org.smartphone.payroll.run;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.files.InputCounts;
import org.smartphone.payroll.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code payroll_run} and {@code processed_file} tables: what ran, and in which state. */
@Repository
public class RunRegistry implements InputCounts {

    private static final String COLUMNS = "run_id, kind, period, input_name, input_sha256, state, started_at,"
            + " ended_at, attempts, records_read, records_rejected, summary, message";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public RunRegistry(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records the start of an attempt; a committed run stays committed.
     *
     * @param revokedRun the run a revocation undoes, null for every other run
     */
    public void begin(long runId, RunKind kind, String period, String inputName, String sha256, Long revokedRun) {
        int updated = jdbc.update(
                "UPDATE payroll_run SET attempts = attempts + 1, ended_at = NULL, message = NULL,"
                        + " state = CASE WHEN state = 'COMMITTED' THEN 'COMMITTED' ELSE 'RUNNING' END WHERE run_id = ?",
                runId);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO payroll_run (run_id, kind, period, input_name, input_sha256, state, started_at,"
                            + " attempts, revoked_run) VALUES (?, ?, ?, ?, ?, 'RUNNING', ?, 1, ?)",
                    runId,
                    kind.name(),
                    period,
                    inputName,
                    sha256,
                    now(),
                    revokedRun);
        }
    }

    /**
     * Called inside the transaction that applies the run's effect to the ledger. The input is
     * recorded as processed unless it had no data row: a header-only file has the same bytes every
     * month and carries nothing that could be counted twice.
     */
    public void markCommitted(long runId, String inputName, String sha256) {
        jdbc.update("UPDATE payroll_run SET state = 'COMMITTED' WHERE run_id = ?", runId);
        jdbc.update(
                "INSERT INTO processed_file (input_sha256, input_name, run_id) SELECT ?, ?, run_id"
                        + " FROM payroll_run WHERE run_id = ? AND records_read > 0",
                sha256,
                inputName,
                runId);
    }

    /** A revocation reaches the ledger (in the transaction that undoes the run): it read no input. */
    public void markRevocationCommitted(long runId) {
        jdbc.update("UPDATE payroll_run SET state = 'COMMITTED' WHERE run_id = ?", runId);
    }

    /**
     * Marks a completed run REVOKED, in the revocation's commit (SPEC 6): its input counts as not
     * processed any more, so that the same file, or a corrected one, can be run again.
     *
     * @param message what {@code status} shows for it: when, by which run, and why
     */
    public void markRevoked(long runId, String message) {
        jdbc.update("UPDATE payroll_run SET state = 'REVOKED', message = ? WHERE run_id = ?", truncate(message), runId);
        jdbc.update("DELETE FROM processed_file WHERE run_id = ?", runId);
    }

    /** The run a revocation undoes. */
    public Optional<RunRecord> revokedBy(long revocationRunId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM payroll_run WHERE run_id = (SELECT revoked_run FROM payroll_run"
                                + " WHERE run_id = ?)",
                        this::map,
                        revocationRunId)
                .stream()
                .findFirst();
    }

    /** The completed run of this kind and period, if there is one (there is at most one). */
    public Optional<RunRecord> completed(RunKind kind, Period period) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM payroll_run WHERE kind = ? AND period = ?"
                                + " AND state = 'COMPLETED'",
                        this::map,
                        kind.name(),
                        period.toString())
                .stream()
                .findFirst();
    }

    /**
     * The run that changed the ledger last among the completed deduction and reconciliation runs: the
     * latest period's, its reconciliation rather than its deduction.
     */
    public Optional<RunRecord> latestCompletedPeriodRun() {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM payroll_run WHERE kind IN ('DEDUCTION', 'RECONCILIATION')"
                                + " AND state = 'COMPLETED' ORDER BY period DESC, kind DESC",
                        this::map)
                .stream()
                .findFirst();
    }

    /**
     * The run's number NN in its period P (SPEC 7.0, run numbers): the runs that post in P are numbered
     * in the order they commit, from 1. Assigned by the run's commit, in its transaction, under the run
     * lock; asked again (a resumed run), it is the number already assigned.
     */
    public int runNumber(long runId, Period period) {
        Integer assigned =
                jdbc.queryForObject("SELECT run_number FROM payroll_run WHERE run_id = ?", Integer.class, runId);
        if (assigned != null) {
            return assigned;
        }
        Integer last = jdbc.queryForObject(
                "SELECT MAX(run_number) FROM payroll_run WHERE period = ?", Integer.class, period.toString());
        int next = last == null ? 1 : last + 1;
        jdbc.update("UPDATE payroll_run SET run_number = ? WHERE run_id = ?", next, runId);
        return next;
    }

    /** An unfinished run of any kind and period: the oldest. */
    public Optional<RunRecord> unfinishedOfAnyKind() {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM payroll_run WHERE state IN ('RUNNING', 'COMMITTED', 'FAILED')"
                                + " ORDER BY run_id",
                        this::map)
                .stream()
                .findFirst();
    }

    public boolean isCommitted(long runId) {
        return find(runId).map(r -> r.state().reachedLedger()).orElse(false);
    }

    /** In a transaction of its own, so that the counts of a run refused for invalid input remain. */
    @Override
    public void recordCounts(long runId, long read, long rejected) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(
                "UPDATE payroll_run SET records_read = ?, records_rejected = ? WHERE run_id = ?",
                read,
                rejected,
                runId));
    }

    public void recordSummary(long runId, String summary) {
        jdbc.update("UPDATE payroll_run SET summary = ? WHERE run_id = ?", summary, runId);
    }

    public void finish(long runId, RunState state, String message) {
        jdbc.update(
                "UPDATE payroll_run SET state = ?, ended_at = ?, message = ? WHERE run_id = ?",
                state.name(),
                now(),
                truncate(message),
                runId);
    }

    public Optional<RunRecord> find(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payroll_run WHERE run_id = ?", this::map, runId).stream()
                .findFirst();
    }

    public boolean isCompleted(RunKind kind, Period period) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM payroll_run WHERE kind = ? AND period = ?" + " AND state = 'COMPLETED'",
                Integer.class,
                kind.name(),
                period.toString());
        return count != null && count > 0;
    }

    /** The latest period with a completed deduction run. */
    public Optional<Period> lastCompletedDeduction() {
        String period = jdbc.queryForObject(
                "SELECT MAX(period) FROM payroll_run WHERE kind = 'DEDUCTION'" + " AND state = 'COMPLETED'",
                String.class);
        return Optional.ofNullable(period).map(Period::parse);
    }

    /**
     * The latest period a deduction run has reached or is working on (not counting rejected,
     * abandoned or revoked runs): contracts must start after it.
     */
    public Optional<Period> lastDeductedOrInProgress() {
        String period = jdbc.queryForObject(
                "SELECT MAX(period) FROM payroll_run WHERE kind = 'DEDUCTION'"
                        + " AND state NOT IN ('REJECTED', 'ABANDONED', 'REVOKED')",
                String.class);
        return Optional.ofNullable(period).map(Period::parse);
    }

    /** An unfinished run of this kind, whatever its period. */
    public Optional<RunRecord> unfinishedOfAnyPeriod(RunKind kind) {
        return unfinished(kind, null);
    }

    /** An unfinished run of this kind (and period, for deduction and reconciliation; null: any). */
    public Optional<RunRecord> unfinished(RunKind kind, Period period) {
        String sql = "SELECT " + COLUMNS + " FROM payroll_run WHERE kind = ? AND state IN ('RUNNING', 'COMMITTED',"
                + " 'FAILED')" + (period == null ? "" : " AND period = ?") + " ORDER BY run_id";
        Object[] args = period == null ? new Object[] {kind.name()} : new Object[] {kind.name(), period.toString()};
        return jdbc.query(sql, this::map, args).stream().findFirst();
    }

    /**
     * How many runs of this kind, period and input ended without the input counting as processed:
     * abandoned, revoked (SPEC 6: its input counts as not processed), or completed with no data row
     * (SPEC 5: such a file is never refused as a repeat). A new run of it is a new job instance:
     * Spring Batch never starts a completed one again.
     */
    public long unprocessedCount(RunKind kind, Period period, String sha256) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM payroll_run WHERE kind = ?"
                        + " AND (state IN ('ABANDONED', 'REVOKED') OR (state = 'COMPLETED' AND records_read = 0))"
                        + " AND input_sha256 = ? AND " + (period == null ? "period IS NULL" : "period = ?"),
                Long.class,
                period == null
                        ? new Object[] {kind.name(), sha256}
                        : new Object[] {kind.name(), sha256, period.toString()});
        return count == null ? 0 : count;
    }

    /**
     * How many runs have ended for good (completed or abandoned): when it changes, a file that had
     * to wait for another run may now go ahead.
     */
    public long finishedCount() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM payroll_run WHERE state IN ('COMPLETED', 'ABANDONED', 'REVOKED')", Long.class);
        return count == null ? 0 : count;
    }

    public Optional<String> processedBy(String sha256) {
        return jdbc
                .query(
                        "SELECT input_name FROM processed_file WHERE input_sha256 = ?",
                        (rs, i) -> rs.getString(1),
                        sha256)
                .stream()
                .findFirst();
    }

    public List<RunRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM payroll_run ORDER BY run_id", this::map);
    }

    private RunRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new RunRecord(
                rs.getLong("run_id"),
                RunKind.valueOf(rs.getString("kind")),
                rs.getString("period"),
                rs.getString("input_name"),
                rs.getString("input_sha256"),
                RunState.valueOf(rs.getString("state")),
                rs.getTimestamp("started_at").toLocalDateTime(),
                ended == null ? null : ended.toLocalDateTime(),
                rs.getInt("attempts"),
                rs.getLong("records_read"),
                rs.getLong("records_rejected"),
                rs.getString("summary"),
                rs.getString("message"));
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }
}
