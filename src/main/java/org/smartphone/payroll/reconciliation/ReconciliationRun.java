package org.smartphone.payroll.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartphone.payroll.arrears.ArrearsAgeing;
import org.smartphone.payroll.arrears.ArrearsAgeing.Arrears;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.files.CsvOutput;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.files.Outbox.PublishedFile;
import org.smartphone.payroll.files.SpreadsheetText;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.run.DuplicateKeys;
import org.smartphone.payroll.run.InputStaging;
import org.smartphone.payroll.run.InvalidLines;
import org.smartphone.payroll.run.LedgerStatistics;
import org.smartphone.payroll.run.RowBatch;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.StagingTables;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The reconciliation run for a period (SPEC 4): stage the withholding return, compare it with the
 * deduction order, compute postings and the arrears that follow, then apply the postings to the
 * ledger in one transaction, publish the reconciliation and arrears files and archive the return.
 */
@Service
public class ReconciliationRun {

    public static final List<String> RECONCILIATION_HEADER = List.of("period", "matricule", "contract_id",
            "expected_xof", "withheld_xof", "difference_xof", "posted_xof", "refund_due_xof", "status");
    public static final List<String> ARREARS_HEADER = List.of("period", "matricule", "contract_id", "full_name",
            "ministry_code", "overdue_xof", "outstanding_xof", "oldest_unpaid_period", "months_past_due", "bucket",
            "reason");

    /** A contract appearing twice in one return makes both lines invalid. */
    private static final DuplicateKeys DUPLICATES = new DuplicateKeys("contract_id", "this return",
            "none of these lines is used.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final StagingTables staging;
    private final LedgerStatistics statistics;

    public ReconciliationRun(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home,
            StagingTables staging, LedgerStatistics statistics) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.staging = staging;
        this.statistics = statistics;
    }

    /**
     * Reads and validates the whole return while matching it with the order held in memory, then,
     * once the return is known to be usable, writes the reconciliation rows with their postings and
     * the arrears they leave (SPEC 4). Only the return lines that match no order line (UNEXPECTED,
     * usually few) are staged, in return_entry; a contract twice in the return makes all its lines
     * invalid. One transaction, redone whole on resume until the run is committed.
     */
    public long stageAndReconcile(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        jdbc.update("DELETE FROM return_entry WHERE period = ?", period);
        jdbc.update("DELETE FROM reconciliation_line WHERE period = ?", period);
        jdbc.update("DELETE FROM arrears_line WHERE period = ?", period);
        ReturnMatching matching;
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            matching = new ReturnMatching(order(period), invalid::carrier);
            readReturn(run, matching, invalid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long rows = reconcileAndAge(run.period(), matching);
        statistics.refresh("reconciliation_line", "arrears_line");
        return rows;
    }

    /**
     * The period's order lines with an amount above 0, in contract_id order; the lines of 0 are
     * counted too, so that the progress of the pass over all of them needs no count of its own (on H2
     * a COUNT scans the table). Ordered by the key with its period first: H2 then reads along the
     * primary key instead of sorting every line (it does not skip a key column bound by =).
     */
    private OrderLines order(String period) {
        OrderLines.Builder order = new OrderLines.Builder();
        jdbc.query("SELECT contract_id, matricule, amount_xof FROM deduction_line WHERE period = ?"
                + " ORDER BY period, contract_id", rs -> {
                    long amount = rs.getLong(3);
                    if (amount > 0) {
                        order.add(rs.getString(1), rs.getString(2));
                    } else {
                        order.addUninstructed();
                    }
                }, period);
        return order.build();
    }

    /** Reads the return: matched in memory, UNEXPECTED lines staged, repeated contracts rejected. */
    private void readReturn(RunContext run, ReturnMatching matching, InvalidLines invalid) {
        String period = run.period().toString();
        ReturnParser parser = new ReturnParser(run.period());
        long records;
        try (RowBatch aside = new RowBatch(jdbc, "INSERT INTO return_entry (period, line, contract_id, matricule,"
                + " amount_xof) VALUES (?, ?, ?, ?, ?)", settings.batchSize())) {
            records = InputStaging.read(run, invalid, ReturnParser.REQUIRED, List.of(), "contract_id", id -> true,
                    (record, cells) -> parser.parse(cells).map(line -> {
                        if (matching.place(line) == ReturnMatching.Placement.ASIDE) {
                            aside.add(period, line.line(), line.contractId(), line.matricule(), line.amountXof());
                        }
                        return true;
                    }).orElse(false));
        }
        try (RowBatch unstaged = new RowBatch(jdbc, "DELETE FROM return_entry WHERE period = ? AND line = ?",
                settings.batchSize())) {
            invalid.rejectRepeats(DUPLICATES, new DuplicateKeys.KeptLines() {
                @Override
                public long keptLine(String contractId) {
                    return matching.keptLine(contractId);
                }

                @Override
                public void rejected(String contractId, long line) {
                    matching.rejected(contractId, line);
                    unstaged.add(period, line); // when it was kept aside
                }
            });
        }
        invalid.settle(run, runs, records);
    }

    /** Applies the postings to the ledger once: the run is marked committed in the same transaction. */
    public long commit(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        int posted = jdbc.update("INSERT INTO posting (period, contract_id, amount_xof, run_id) SELECT period,"
                + " contract_id, posted_xof, ? FROM reconciliation_line WHERE period = ? AND posted_xof > 0",
                run.runId(), period);
        statistics.refresh("posting");
        // what each contract collected grows by its posting; a contract is settled exactly when its
        // posting brings what it collected to what was financed (SPEC 4). Every commit settles the
        // contracts it pays off and a financed amount is above 0 (SPEC 2), so an open contract whose
        // balance now equals its financed amount is one this posting paid off. On PostgreSQL they are
        // found with one scan of the narrow balance table (faster at scale than having the balance
        // update return them: docs/design.md, The balance in a table of its own); on H2 through the
        // period's postings.
        if (staging.isPostgres()) {
            jdbc.update("UPDATE contract_balance b SET collected_xof = b.collected_xof + p.amount_xof"
                    + " FROM posting p WHERE p.period = ? AND p.contract_id = b.contract_id", period);
            jdbc.update("UPDATE contract c SET settled_period = ? FROM contract_balance b"
                    + " WHERE b.contract_id = c.contract_id AND b.collected_xof = b.financed_xof"
                    + " AND c.settled_period IS NULL", period);
        } else {
            jdbc.update("MERGE INTO contract_balance b USING (SELECT contract_id, amount_xof FROM posting"
                    + " WHERE period = ?) p ON b.contract_id = p.contract_id"
                    + " WHEN MATCHED THEN UPDATE SET collected_xof = b.collected_xof + p.amount_xof", period);
            jdbc.update("MERGE INTO contract c USING (SELECT p.contract_id FROM posting p JOIN contract_balance b"
                    + " ON b.contract_id = p.contract_id WHERE p.period = ? AND b.collected_xof = b.financed_xof) s"
                    + " ON c.contract_id = s.contract_id WHEN MATCHED AND c.settled_period IS NULL"
                    + " THEN UPDATE SET settled_period = ?", period, period);
        }
        runs.recordSummary(run.runId(), summary(period));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return posted;
    }

    /** Writes the reconciliation and arrears files and the manifest from the committed rows. */
    public long publish(RunContext run) throws IOException {
        String period = run.period().toString();
        Path folder = home.outbox(run.period());
        long[] sums = new long[5];
        PublishedFile reconciliation = Outbox.publishCsv(folder, reconciliationFile(run.period()),
                RECONCILIATION_HEADER, csv -> jdbc.query("SELECT matricule, contract_id, expected_xof, withheld_xof,"
                        + " posted_xof, refund_due_xof, status FROM reconciliation_line WHERE period = ?"
                        + " ORDER BY contract_id, matricule, unexpected", rs -> {
                            long expected = rs.getLong(3);
                            long withheld = rs.getLong(4);
                            sums[0] += expected;
                            sums[1] += withheld;
                            sums[2] += withheld - expected;
                            sums[3] += rs.getLong(5);
                            sums[4] += rs.getLong(6);
                            write(csv, period, rs.getString(1), rs.getString(2), Long.toString(expected),
                                    Long.toString(withheld), Long.toString(withheld - expected),
                                    Long.toString(rs.getLong(5)), Long.toString(rs.getLong(6)), rs.getString(7));
                        }, period));
        long[] arrearsSums = new long[2];
        // the file's order (contract_id, then matricule: SPEC) is the key's, a contract having one row a period
        PublishedFile arrears = Outbox.publishCsv(folder, arrearsFile(run.period()), ARREARS_HEADER, csv ->
                jdbc.query("SELECT a.matricule, a.contract_id, c.full_name, a.ministry_code, a.overdue_xof,"
                        + " a.outstanding_xof, a.oldest_unpaid_period, a.months_past_due, a.bucket, a.reason"
                        + " FROM arrears_line a JOIN contract c ON c.contract_id = a.contract_id WHERE a.period = ?"
                        + " ORDER BY a.period, a.contract_id", rs -> {
                            arrearsSums[0] += rs.getLong(5);
                            arrearsSums[1] += rs.getLong(6);
                            write(csv, period, rs.getString(1), rs.getString(2),
                                    SpreadsheetText.copied(rs.getString(3)), SpreadsheetText.copied(rs.getString(4)),
                                    Long.toString(rs.getLong(5)),
                                    Long.toString(rs.getLong(6)), rs.getString(7), Integer.toString(rs.getInt(8)),
                                    rs.getString(9), rs.getString(10));
                        }, period));
        Manifest manifest = new Manifest("reconciliation", period, run.inputName(), run.sha256());
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("expected_xof", sums[0]);
        totals.put("withheld_xof", sums[1]);
        totals.put("difference_xof", sums[2]);
        totals.put("posted_xof", sums[3]);
        totals.put("refund_due_xof", sums[4]);
        manifest.add(reconciliation, totals);
        Map<String, Long> arrearsTotals = new LinkedHashMap<>();
        arrearsTotals.put("overdue_xof", arrearsSums[0]);
        arrearsTotals.put("outstanding_xof", arrearsSums[1]);
        manifest.add(arrears, arrearsTotals);
        Outbox.publishText(folder, manifestFile(run.period()), manifest.toJson());
        return reconciliation.records() + arrears.records();
    }

    /** Empties the return's rows once the run is committed (first thing of the archive step). */
    public void clearStaged(RunContext run) {
        staging.clear("return_entry", "period", run.period().toString());
    }

    /**
     * Undoes the committed reconciliation run {@code runId} of a period, the latest run of the ledger
     * (SPEC 6, revoke): what each contract collected goes down by the run's posting, the contracts
     * settled in the period are open again (only the run's postings can have settled one then), and
     * its postings, rows, arrears and staged lines go. One transaction with the rest of the revocation.
     */
    public void revoke(Period period, long runId) {
        String p = period.toString();
        if (staging.isPostgres()) {
            jdbc.update("UPDATE contract_balance b SET collected_xof = b.collected_xof - p.amount_xof"
                    + " FROM posting p WHERE p.period = ? AND p.run_id = ? AND p.contract_id = b.contract_id",
                    p, runId);
        } else {
            jdbc.update("MERGE INTO contract_balance b USING (SELECT contract_id, amount_xof FROM posting"
                    + " WHERE period = ? AND run_id = ?) p ON b.contract_id = p.contract_id"
                    + " WHEN MATCHED THEN UPDATE SET collected_xof = b.collected_xof - p.amount_xof", p, runId);
        }
        jdbc.update("UPDATE contract SET settled_period = NULL WHERE settled_period = ?", p);
        jdbc.update("DELETE FROM posting WHERE period = ? AND run_id = ?", p, runId);
        discard(period);
    }

    /** The files the reconciliation of a period publishes in its outbox folder, sidecars included. */
    public static List<String> outputFiles(Period period) {
        return List.of(reconciliationFile(period), reconciliationFile(period) + ".sha256", arrearsFile(period),
                arrearsFile(period) + ".sha256", manifestFile(period));
    }

    private static String reconciliationFile(Period period) {
        return "reconciliation-" + period + ".csv";
    }

    private static String arrearsFile(Period period) {
        return "arrears-" + period + ".csv";
    }

    private static String manifestFile(Period period) {
        return "reconciliation-" + period + ".manifest.json";
    }

    /** Removes what an unfinished reconciliation run staged and computed (for {@code abandon}). */
    public void discard(Period period) {
        jdbc.update("DELETE FROM return_entry WHERE period = ?", period.toString());
        jdbc.update("DELETE FROM reconciliation_line WHERE period = ?", period.toString());
        jdbc.update("DELETE FROM arrears_line WHERE period = ?", period.toString());
    }


    /**
     * One pass over the period's deduction lines with their contracts: an
     * order line (amount above 0) gets its reconciliation row and posting, and every contract the
     * deduction run saw gets aged with what this posting leaves (SPEC 4). The deduction run wrote a
     * line for every open contract with something due in the period, and nothing changed those
     * contracts since (the next import only brings contracts that start later), so these are all the
     * contracts that can be in arrears: one with nothing due before the posting has nothing overdue
     * after it. Then one row per UNEXPECTED line kept aside. The lines come in contract_id order,
     * the order of the rows' keys, so that the rows and then the postings are written one after the
     * other rather than all over their indexes (on PostgreSQL a hash join's order made both inserts
     * markedly slower at scale: docs/design.md, Statistics after each run, and rows read in key order),
     * the period first as in {@link #order}.
     */
    private long reconcileAndAge(Period period, ReturnMatching matching) {
        String p = period.toString();
        OrderLines order = matching.order();
        long[] count = {0};
        Progress progress = Progress.start("reconciling " + p, order::deductionLines);
        try (RowBatch rows = new RowBatch(jdbc, "INSERT INTO reconciliation_line (period, contract_id, matricule,"
                + " unexpected, expected_xof, withheld_xof, posted_xof, refund_due_xof, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", settings.batchSize());
                RowBatch arrears = new RowBatch(jdbc, "INSERT INTO arrears_line (period, contract_id, matricule,"
                        + " ministry_code, overdue_xof, outstanding_xof, oldest_unpaid_period, months_past_due,"
                        + " bucket, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", settings.batchSize())) {
            jdbc.query("SELECT d.contract_id, d.matricule, d.amount_xof, d.reason, b.financed_xof,"
                    + " c.term_months, c.first_period, c.base_installment_xof, b.collected_xof,"
                    + " COALESCE(hm.ministry_code, c.ministry_code) FROM deduction_line d"
                    + " JOIN contract c ON c.contract_id = d.contract_id"
                    + " JOIN contract_balance b ON b.contract_id = d.contract_id"
                    + " LEFT JOIN holder_ministry hm ON hm.matricule = c.matricule"
                    + " WHERE d.period = ? ORDER BY d.period, d.contract_id", rs -> {
                        progress.row();
                        String contractId = rs.getString(1);
                        String matricule = rs.getString(2);
                        long expected = rs.getLong(3);
                        Balance balance = new Balance(new InstallmentSchedule(rs.getLong(5), rs.getInt(6),
                                Period.parse(rs.getString(7)), rs.getLong(8)), rs.getLong(9));
                        String orderStatus = null;
                        if (expected > 0) {
                            long withheld = matching.withheldXof(order.indexOf(contractId));
                            ReconciliationStatus status = ReconciliationStatus.of(expected, withheld);
                            Posting posting = Posting.of(status, withheld, balance.outstandingXof());
                            rows.add(p, contractId, matricule, false, expected, withheld, posting.postedXof(),
                                    posting.refundDueXof(), status.name());
                            count[0]++;
                            balance = balance.plus(posting.postedXof());
                            orderStatus = status.name();
                        }
                        Optional<Arrears> aged = ArrearsAgeing.age(balance, period, orderStatus, rs.getString(4));
                        if (aged.isPresent()) {
                            Arrears a = aged.get();
                            arrears.add(p, contractId, matricule, rs.getString(10), a.overdueXof(), a.outstandingXof(),
                                    a.oldestUnpaidPeriod().toString(), a.monthsPastDue(), a.bucket().name(),
                                    a.reason());
                            count[0]++;
                        }
                    }, p);
            progress.close();
            jdbc.query("SELECT contract_id, matricule, amount_xof FROM return_entry WHERE period = ?"
                    + " AND amount_xof > 0", rs -> {
                        long withheld = rs.getLong(3);
                        rows.add(p, rs.getString(1), rs.getString(2), true, 0L, withheld, 0L, withheld,
                                ReconciliationStatus.UNEXPECTED.name());
                        count[0]++;
                    }, p);
        }
        return count[0];
    }

    /** What the run did, for its outcome line and {@code status}: the totals, and the arrears it leaves. */
    private String summary(String period) {
        String reconciled = jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(withheld_xof), 0),"
                + " COALESCE(SUM(posted_xof), 0), COALESCE(SUM(refund_due_xof), 0) FROM reconciliation_line"
                + " WHERE period = ?", (rs, i) -> Counted.of(rs.getLong(1), "row") + "; withheld "
                        + Francs.of(rs.getLong(2)) + ", posted " + Francs.of(rs.getLong(3)) + ", refund due "
                        + Francs.of(rs.getLong(4)), period);
        String arrears = jdbc.queryForObject("SELECT COUNT(*), COALESCE(SUM(overdue_xof), 0) FROM arrears_line"
                + " WHERE period = ?", (rs, i) -> Counted.of(rs.getLong(1), "contract") + " in arrears, overdue "
                        + Francs.of(rs.getLong(2)), period);
        return reconciled + "; " + arrears;
    }

    private static void write(CsvOutput csv, String... cells) {
        try {
            csv.writeRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
