package org.smartphone.payroll.stop;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.files.SpreadsheetText;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.OutputPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stops of the open period P (SPEC 7.0), kept in {@code order_stop}: recorded by a run of SPEC 7
 * that posts in P while P's order is issued, in that run's commit and after its postings, and published
 * by it as {@code deduction-stops-P-NN.csv}. Only the contracts the run posted to are looked at (those
 * with a ledger entry of the run): any other contract's outstanding is what it was after the run that
 * last changed it, which stopped its order line then if it had to.
 */
@Component
public class OrderStops {

    private static final List<String> HEADER =
            List.of("period", "matricule", "contract_id", "full_name", "ordered_xof", "amount_xof", "reason");

    /**
     * The order lines of a period with something ordered whose contract has a ledger entry of the run,
     * their amount in force and what their contract owes now, in the stops file's order (contract_id;
     * one order line a contract).
     */
    private static final String CANDIDATES = "SELECT d.contract_id, d.matricule, d.amount_xof, "
            + amountInForce("d") + ", " + LedgerRules.outstanding("c", "b") + ", c.state FROM deduction_line d"
            + " JOIN contract c ON c.contract_id = d.contract_id"
            + " JOIN contract_balance b ON b.contract_id = d.contract_id"
            + " WHERE d.period = ? AND " + LedgerRules.isOrderLine("d")
            + " AND d.contract_id IN (SELECT e.contract_id FROM ledger_entry e WHERE e.run_id = ?)"
            + " ORDER BY d.period, d.contract_id";

    private static final String STOPS_OF_RUN = "SELECT s.matricule, s.contract_id, c.full_name, s.ordered_xof,"
            + " s.amount_xof, s.reason FROM order_stop s JOIN contract c ON c.contract_id = s.contract_id"
            + " WHERE s.run_id = ? ORDER BY s.row_no";

    private final JdbcTemplate jdbc;
    private final PayrollSettings settings;

    public OrderStops(JdbcTemplate jdbc, PayrollSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The amount in force of the order line {@code line} (an alias of deduction_line) as SQL: the amount
     * of its latest stop, else its order amount. Stops only lower it, so the latest is the least.
     */
    public static String amountInForce(String line) {
        return "COALESCE((SELECT MIN(s.amount_xof) FROM order_stop s WHERE s.period = " + line + ".period AND"
                + " s.contract_id = " + line + ".contract_id), " + line + ".amount_xof)";
    }

    /** {@code deduction-stops-P-NN.csv}. */
    public static String fileName(Period period, int runNumber) {
        return "deduction-stops-" + period + "-" + String.format("%02d", runNumber) + ".csv";
    }

    /**
     * Records the stops of run {@code runId} in P, after its postings and in its commit: one row for each
     * order line of P, of a contract the run posted to, whose contract now owes less than its amount in
     * force (SPEC 7.0). Call only while P's order is issued. Returns the number of stops.
     *
     * @param credited the reason for a contract neither written off nor cancelled: money credited by a
     *     payment or a cancellation ({@link StopReason#PAID_OUTSIDE_PAYROLL}), or by a supplement
     */
    public long record(long runId, Period period, StopReason credited) {
        String p = period.toString();
        long[] row = {0};
        try (RowBatch stops = new RowBatch(
                jdbc,
                "INSERT INTO order_stop (period, contract_id, run_id, row_no, matricule, ordered_xof, amount_xof,"
                        + " reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                settings.batchSize())) {
            jdbc.query(
                    CANDIDATES,
                    rs -> {
                        OptionalLong stopped = StopRule.stop(rs.getLong(4), rs.getLong(5));
                        if (stopped.isPresent()) {
                            row[0]++;
                            stops.add(
                                    p,
                                    rs.getString(1),
                                    runId,
                                    row[0],
                                    rs.getString(2),
                                    rs.getLong(3),
                                    stopped.getAsLong(),
                                    StopReason.of(ContractState.valueOf(rs.getString(6)), credited)
                                            .name());
                        }
                    },
                    p,
                    runId);
        }
        return row[0];
    }

    /** Publishes the run's stops file ({@link #fileName}), header-only when it stopped nothing. */
    public void publish(OutputPublisher outbox, Period period, long runId, int runNumber) throws IOException {
        String p = period.toString();
        outbox.publishCsv(
                fileName(period, runNumber),
                HEADER,
                List.of("ordered_xof", "amount_xof"),
                (rs, record) -> record.text(p)
                        .text(rs.getString(1))
                        .text(rs.getString(2))
                        .text(SpreadsheetText.copied(rs.getString(3)))
                        .amount(rs.getLong(4))
                        .amount(rs.getLong(5))
                        .text(rs.getString(6)),
                STOPS_OF_RUN,
                runId);
    }

    /** Removes the stops of a run (a run revoked or discarded before it reached the ledger). */
    public void discard(long runId) {
        jdbc.update("DELETE FROM order_stop WHERE run_id = ?", runId);
    }
}
