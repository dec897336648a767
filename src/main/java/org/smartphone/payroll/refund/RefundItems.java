package org.smartphone.payroll.refund;

import java.util.Optional;
import org.smartphone.payroll.config.DatabaseDialect;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.ledger.RowBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The refund items of the ledger (SPEC 7.0): every refund due above 0 that a run commits becomes an
 * item, status DUE, with its original amount and its current one equal to that refund due, named after
 * the output row that made it ({@link #refundId}). An item is reduced while DUE (down to 0: CANCELLED),
 * issued in a batch (INSTRUCTED), confirmed paid (PAID), or released back to DUE; it is deleted only by
 * revoking the run that made it, which is refused once one of its items was issued. At any time the
 * original amounts add up to the current amounts of the DUE, INSTRUCTED and PAID items plus every
 * reduction ({@link #conservation}). Every method runs in the caller's transaction: the run's commit.
 */
@Component
public class RefundItems {

    private static final String INSERT = "INSERT INTO refund_item (refund_id, run_id, period, contract_id, matricule,"
            + " unexpected, original_xof, amount_xof, status, legacy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DUE', FALSE)";

    private final JdbcTemplate jdbc;
    private final PayrollSettings settings;
    private final DatabaseDialect dialect;

    public RefundItems(JdbcTemplate jdbc, PayrollSettings settings, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.dialect = dialect;
    }

    /**
     * The identifier of the item made by row {@code row} (1-based, the header not counted) of the output
     * file {@code fileName}: the name without {@code .csv}, a dash, the row zero-padded to at least six
     * digits ({@code reconciliation-2026-03-000017}).
     */
    public static String refundId(String fileName, long row) {
        String name = fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return name + "-" + String.format("%06d", row);
    }

    /**
     * Records one refund item of status DUE, made by run {@code runId} in {@code period} (M for a
     * reconciliation, P for the other runs). A second call with the same refund id changes nothing.
     *
     * @param matricule for an UNEXPECTED row ({@code unexpected}) the payee, fixed; otherwise the
     *     contract's matricule on the row, the payee being the contract's current one when it is issued
     * @param amountXof the refund due, above 0
     */
    public void create(
            long runId,
            String period,
            String refundId,
            String contractId,
            String matricule,
            boolean unexpected,
            long amountXof) {
        requirePositive(refundId, amountXof);
        jdbc.update(
                "INSERT INTO refund_item (refund_id, run_id, period, contract_id, matricule, unexpected, original_xof,"
                        + " amount_xof, status, legacy) SELECT ?, ?, ?, ?, ?, ?, ?, ?, 'DUE', FALSE"
                        + " WHERE NOT EXISTS (SELECT 1 FROM refund_item WHERE refund_id = ?)",
                refundId,
                runId,
                period,
                contractId,
                matricule,
                unexpected,
                amountXof,
                amountXof,
                refundId);
    }

    /** Many items of one run, inserted in batches: {@link Creation#add} for each, then close. */
    public Creation creating(long runId, String period) {
        return new Creation(new RowBatch(jdbc, INSERT, settings.batchSize()), runId, period);
    }

    /** The refund items of one run being made, in batches (see {@link #create} for the values). */
    public static final class Creation implements AutoCloseable {

        private final RowBatch rows;
        private final long runId;
        private final String period;
        private long count;
        private long amountXof;

        private Creation(RowBatch rows, long runId, String period) {
            this.rows = rows;
            this.runId = runId;
            this.period = period;
        }

        public void add(String refundId, String contractId, String matricule, boolean unexpected, long amountXof) {
            requirePositive(refundId, amountXof);
            rows.add(refundId, runId, period, contractId, matricule, unexpected, amountXof, amountXof);
            count++;
            this.amountXof += amountXof;
        }

        public long count() {
            return count;
        }

        public long amountXof() {
            return amountXof;
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    private static void requirePositive(String refundId, long amountXof) {
        if (amountXof <= 0) {
            throw new IllegalArgumentException("refund item " + refundId + " of " + amountXof + " F: a refund item"
                    + " is made for a refund due above 0 only");
        }
    }

    /**
     * One of the items run {@code runId} made that has left the engine's hands: issued in a batch
     * (whatever became of it since), or confirmed paid (an item made from a refund due recorded before
     * this version may be paid while DUE, in no batch); the first by refund id; empty when none has. Its
     * run may then not be revoked (SPEC 6): the money was instructed or paid, and the item's id is in a
     * file the bank or an auditor holds.
     */
    public Optional<IssuedItem> issuedAmongMadeBy(long runId) {
        return jdbc
                .query(
                        "SELECT refund_id, batch, confirmation FROM refund_item WHERE run_id = ?"
                                + " AND (batch IS NOT NULL OR confirmation IS NOT NULL) ORDER BY refund_id"
                                + codePoint(),
                        (rs, i) -> {
                            int batch = rs.getInt(2);
                            boolean inBatch = !rs.wasNull();
                            String file =
                                    inBatch ? RefundFiles.batchFile(batch) : RefundFiles.confirmationFile(rs.getInt(3));
                            return new IssuedItem(rs.getString(1), file);
                        },
                        runId)
                .stream()
                .findFirst();
    }

    /**
     * An item that left the engine's hands, and the file that says so: the batch it was issued in
     * ({@code refunds-0003.csv}), else the confirmation that paid it ({@code refunds-paid-0002.csv}).
     */
    public record IssuedItem(String refundId, String file) {}

    /**
     * Removes the items run {@code runId} made, with their reductions, when that run is revoked (SPEC 6);
     * the caller has made sure none was issued ({@link #issuedAmongMadeBy}). Returns how many went.
     */
    public int removeMadeBy(long runId) {
        Optional<IssuedItem> issued = issuedAmongMadeBy(runId);
        if (issued.isPresent()) {
            throw new IllegalStateException("run " + runId + " made refund item "
                    + issued.get().refundId() + ", in " + issued.get().file() + ": its items cannot be removed");
        }
        jdbc.update(
                "DELETE FROM refund_reduction WHERE refund_id IN (SELECT refund_id FROM refund_item WHERE run_id = ?)",
                runId);
        return jdbc.update("DELETE FROM refund_item WHERE run_id = ?", runId);
    }

    /**
     * Reduces a DUE item by {@code amountXof} (SPEC 7.3, 7.5), recording the reduction for run
     * {@code runId} in {@code period}; reduced to 0 it becomes CANCELLED. Returns false, changing
     * nothing, when the item is not DUE or holds less than that amount.
     */
    public boolean reduce(String refundId, long runId, String period, long amountXof) {
        requirePositive(refundId, amountXof);
        int reduced = jdbc.update(
                "UPDATE refund_item SET amount_xof = amount_xof - ?, status = CASE WHEN amount_xof = ? THEN"
                        + " 'CANCELLED' ELSE status END WHERE refund_id = ? AND status = 'DUE' AND amount_xof >= ?",
                amountXof,
                amountXof,
                refundId,
                amountXof);
        if (reduced == 0) {
            return false;
        }
        int added = jdbc.update(
                "UPDATE refund_reduction SET amount_xof = amount_xof + ? WHERE refund_id = ? AND run_id = ?",
                amountXof,
                refundId,
                runId);
        if (added == 0) {
            jdbc.update(
                    "INSERT INTO refund_reduction (refund_id, run_id, period, amount_xof) VALUES (?, ?, ?, ?)",
                    refundId,
                    runId,
                    period,
                    amountXof);
        }
        return true;
    }

    /** How many items are DUE: what {@code refunds issue} would list. */
    public long dueCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM refund_item WHERE status = 'DUE'", Long.class);
        return count == null ? 0 : count;
    }

    /** Whether batch {@code batch} ({@code refunds-NNNN.csv}) was issued. */
    public boolean batchIssued(int batch) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM refund_batch WHERE kind = 'ISSUE' AND batch = ?", Integer.class, batch);
        return count != null && count > 0;
    }

    /** How many items of batch {@code batch} are still INSTRUCTED: what its release would make due again. */
    public long instructedCount(int batch) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM refund_item WHERE batch = ? AND status = 'INSTRUCTED'", Long.class, batch);
        return count == null ? 0 : count;
    }

    /** The sums of SPEC 7.0's conservation rule over the whole ledger. */
    public Conservation conservation() {
        return jdbc.queryForObject(
                "SELECT (SELECT COALESCE(SUM(original_xof), 0) FROM refund_item),"
                        + " (SELECT COALESCE(SUM(amount_xof), 0) FROM refund_item WHERE status IN ('DUE', 'INSTRUCTED',"
                        + " 'PAID')), (SELECT COALESCE(SUM(amount_xof), 0) FROM refund_reduction)",
                (rs, i) -> new Conservation(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /**
     * Σ original_xof, Σ amount_xof of the DUE, INSTRUCTED and PAID items, Σ of all reductions: the
     * first is the sum of the other two (SPEC 7.0).
     */
    public record Conservation(long originalXof, long standingXof, long reducedXof) {

        public boolean holds() {
            return originalXof == standingXof + reducedXof;
        }
    }

    /** {@code ORDER BY refund_id} compares by code point (SPEC 5) on PostgreSQL as on H2. */
    String codePoint() {
        return dialect.isPostgres() ? " COLLATE \"C\"" : "";
    }
}
