package org.smartphone.payroll.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.arrears.ArrearsAgeing;
import org.smartphone.payroll.arrears.ArrearsAgeing.Arrears;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.ledger.ContractBalance;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.stop.OrderStops;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code stageAndReconcile} of the reconciliation run (SPEC 4): reads and validates the whole
 * return while matching it with the order held in memory, then, once the return is known to be usable,
 * writes the reconciliation rows with their postings ({@link Posting}) and the arrears they leave
 * ({@link ArrearsAgeing}). Only the return lines that match no order line (UNEXPECTED, usually few) are
 * staged, in return_entry; a contract twice in the return makes all its lines invalid. One
 * transaction, redone whole on resume until the run is committed.
 */
@Component
class StageAndReconcile implements Work {

    /** A contract appearing twice in one return makes both lines invalid. */
    private static final DuplicateKeys DUPLICATES =
            new DuplicateKeys("contract_id", "this return", "none of these lines is used.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final LedgerStatistics statistics;

    StageAndReconcile(
            JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home, LedgerStatistics statistics) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.statistics = statistics;
    }

    @Override
    public long run(RunContext run) {
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
        jdbc.query(
                "SELECT contract_id, matricule, amount_xof FROM deduction_line WHERE period = ?"
                        + " ORDER BY period, contract_id",
                rs -> {
                    long amount = rs.getLong(3);
                    if (amount > 0) {
                        order.add(rs.getString(1), rs.getString(2));
                    } else {
                        order.addUninstructed();
                    }
                },
                period);
        return order.build();
    }

    /** Reads the return: matched in memory, UNEXPECTED lines staged, repeated contracts rejected. */
    private void readReturn(RunContext run, ReturnMatching matching, InvalidLines invalid) {
        String period = run.period().toString();
        ReturnParser parser = new ReturnParser(run.period());
        long records;
        try (RowBatch aside = new RowBatch(
                jdbc,
                "INSERT INTO return_entry (period, line, contract_id, matricule,"
                        + " amount_xof) VALUES (?, ?, ?, ?, ?)",
                settings.batchSize())) {
            records = InputStaging.read(
                    run,
                    invalid,
                    ReturnParser.REQUIRED,
                    List.of(),
                    "contract_id",
                    id -> true,
                    (record, cells) -> parser.parse(cells)
                            .map(line -> {
                                if (matching.place(line) == ReturnMatching.Placement.ASIDE) {
                                    aside.add(
                                            period, line.line(), line.contractId(), line.matricule(), line.amountXof());
                                }
                                return true;
                            })
                            .orElse(false));
        }
        try (RowBatch unstaged =
                new RowBatch(jdbc, "DELETE FROM return_entry WHERE period = ? AND line = ?", settings.batchSize())) {
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

    /**
     * One pass over the period's deduction lines with their contracts: an
     * order line (amount above 0) gets its reconciliation row and posting, and every contract the
     * deduction run saw gets aged with what this posting leaves (SPEC 4). The deduction run wrote a
     * line for every open contract with something due in the period, and since then only money
     * credited (payments, SPEC 7.1) can have changed them (the next import only brings contracts that
     * start later), so these are all the contracts that can be in arrears: one with nothing due
     * before the posting has nothing overdue after it. A line's expectation is its amount in force
     * (its latest stop, SPEC 7.0), and what it posts follows the credit rule by the contract's state
     * now ({@link Posting}). Then one row per UNEXPECTED line kept aside. The lines come in contract_id order,
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
        try (RowBatch rows = new RowBatch(
                        jdbc,
                        "INSERT INTO reconciliation_line (period, contract_id, matricule,"
                                + " unexpected, expected_xof, withheld_xof, posted_xof, refund_due_xof, status,"
                                + " to_recovered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        settings.batchSize());
                RowBatch arrears = new RowBatch(
                        jdbc,
                        "INSERT INTO arrears_line (period, contract_id, matricule,"
                                + " ministry_code, overdue_xof, outstanding_xof, oldest_unpaid_period, months_past_due,"
                                + " bucket, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        settings.batchSize())) {
            jdbc.query(
                    "SELECT d.contract_id, d.matricule, d.amount_xof, d.reason, b.financed_xof,"
                            + " c.term_months, c.first_period, c.base_installment_xof, b.collected_xof,"
                            + " COALESCE(hm.ministry_code, c.ministry_code), " + OrderStops.amountInForce("d")
                            + ", c.state, b.written_off_xof, b.recovered_xof FROM deduction_line d"
                            + " JOIN contract c ON c.contract_id = d.contract_id"
                            + " JOIN contract_balance b ON b.contract_id = d.contract_id"
                            + " LEFT JOIN holder_ministry hm ON hm.matricule = c.matricule"
                            + " WHERE d.period = ? ORDER BY d.period, d.contract_id",
                    rs -> {
                        progress.row();
                        String contractId = rs.getString(1);
                        String matricule = rs.getString(2);
                        long ordered = rs.getLong(3);
                        Balance balance = new Balance(
                                new InstallmentSchedule(
                                        rs.getLong(5), rs.getInt(6), Period.parse(rs.getString(7)), rs.getLong(8)),
                                rs.getLong(9));
                        ContractBalance money = new ContractBalance(
                                ContractState.valueOf(rs.getString(12)),
                                rs.getLong(5),
                                rs.getLong(9),
                                rs.getLong(13),
                                rs.getLong(14));
                        String orderStatus = null;
                        if (ordered > 0) {
                            // expected: the amount in force, the order amount or that of the line's latest stop
                            long expected = rs.getLong(11);
                            long withheld = matching.withheldXof(order.indexOf(contractId));
                            ReconciliationStatus status = ReconciliationStatus.of(expected, withheld);
                            Posting posting = Posting.of(status, withheld, money);
                            rows.add(
                                    p,
                                    contractId,
                                    matricule,
                                    false,
                                    expected,
                                    withheld,
                                    posting.postedXof(),
                                    posting.refundDueXof(),
                                    status.name(),
                                    posting.toRecovered());
                            count[0]++;
                            if (!posting.toRecovered()) {
                                balance = balance.plus(posting.postedXof());
                            }
                            orderStatus = status.name();
                        }
                        // only OPEN contracts are in arrears (SPEC 7.0); one this posting settled owes nothing
                        Optional<Arrears> aged = money.state() == ContractState.OPEN
                                ? ArrearsAgeing.age(balance, period, orderStatus, rs.getString(4))
                                : Optional.empty();
                        if (aged.isPresent()) {
                            Arrears a = aged.get();
                            arrears.add(
                                    p,
                                    contractId,
                                    matricule,
                                    rs.getString(10),
                                    a.overdueXof(),
                                    a.outstandingXof(),
                                    a.oldestUnpaidPeriod().toString(),
                                    a.monthsPastDue(),
                                    a.bucket().name(),
                                    a.reason());
                            count[0]++;
                        }
                    },
                    p);
            progress.close();
            jdbc.query(
                    "SELECT contract_id, matricule, amount_xof FROM return_entry WHERE period = ?"
                            + " AND amount_xof > 0",
                    rs -> {
                        long withheld = rs.getLong(3);
                        rows.add(
                                p,
                                rs.getString(1),
                                rs.getString(2),
                                true,
                                0L,
                                withheld,
                                0L,
                                withheld,
                                ReconciliationStatus.UNEXPECTED.name(),
                                false);
                        count[0]++;
                    },
                    p);
        }
        return count[0];
    }
}
