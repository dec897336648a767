package org.smartphone.payroll.payment;

import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.ledger.ContractBalance;
import org.smartphone.payroll.ledger.ContractBalance.Credit;
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.refund.RefundItems;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.stop.OrderStops;
import org.smartphone.payroll.stop.StopReason;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code commitPayments} of the payments run (SPEC 7.1): in one transaction, numbers the run in
 * P, credits each staged payment to its contract by the credit rule ({@link ContractBalance#credit}) in
 * the order of the output file (contract_id, received_on, channel, payment_ref: within a contract, the
 * order SPEC credits them in), records the payments, their ledger entries and refund items, settles
 * the contracts paid off, records the stops while P's order is issued, and marks the run committed.
 */
@Component
class CommitPayments implements Work {

    /** The staged payments to record with their contracts' balances, in the output file's order. */
    private static final String STAGED = "SELECT e.channel, e.payment_ref, e.contract_id, e.amount_xof,"
            + " e.received_on, c.matricule, c.state, b.financed_xof, b.collected_xof, b.written_off_xof,"
            + " b.recovered_xof FROM payment_entry e JOIN contract c ON c.contract_id = e.contract_id"
            + " JOIN contract_balance b ON b.contract_id = e.contract_id WHERE e.run_id = ? AND NOT e.skipped"
            + " ORDER BY e.contract_id, e.received_on, e.channel, e.payment_ref";

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final OrderStops stops;
    private final PaymentsRun payments;
    private final LedgerStatistics statistics;
    private final RefundItems refundItems;

    CommitPayments(
            JdbcTemplate jdbc,
            RunRegistry runs,
            PayrollSettings settings,
            OrderStops stops,
            PaymentsRun payments,
            LedgerStatistics statistics,
            RefundItems refundItems) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.stops = stops;
        this.payments = payments;
        this.statistics = statistics;
        this.refundItems = refundItems;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        Period period = run.period();
        int number = runs.runNumber(run.runId(), period);
        String reference = PublishPayments.reference(period, number);
        long rows = post(run.runId(), period, reference);
        long stopped =
                payments.isOrderIssued(period) ? stops.record(run.runId(), period, StopReason.PAID_OUTSIDE_PAYROLL) : 0;
        Long skipped = jdbc.queryForObject(
                "SELECT COUNT(*) FROM payment_entry WHERE run_id = ? AND skipped", Long.class, run.runId());
        jdbc.update("UPDATE payroll_run SET records_skipped = ? WHERE run_id = ?", skipped, run.runId());
        statistics.refresh("payment", "ledger_entry");
        runs.recordSummary(run.runId(), summary(run.runId(), period, number, skipped, stopped));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return rows;
    }

    /** Credits every staged payment in turn; returns the number of rows of the output file. */
    private long post(long runId, Period period, String reference) {
        String p = period.toString();
        long[] row = {0};
        Contract[] current = {null};
        try (RowBatch payment = new RowBatch(
                        jdbc,
                        "INSERT INTO payment (channel, payment_ref, contract_id, amount_xof, received_on, run_id,"
                                + " period, row_no, posted_xof, to_recovered, refund_id, matricule, outstanding_xof,"
                                + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        settings.batchSize());
                RowBatch entry = new RowBatch(
                        jdbc,
                        "INSERT INTO ledger_entry (run_id, row_no, period, contract_id, matricule, kind, reference,"
                                + " amount_xof, collected_xof, written_off_xof, recovered_xof, refund_xof)"
                                + " VALUES (?, ?, ?, ?, ?, 'PAYMENT', ?, ?, ?, 0, ?, ?)",
                        settings.batchSize());
                RowBatch balance = new RowBatch(
                        jdbc,
                        "UPDATE contract_balance SET collected_xof = ?, recovered_xof = ? WHERE contract_id = ?",
                        settings.batchSize());
                RowBatch settled = new RowBatch(
                        jdbc,
                        "UPDATE contract SET state = '" + ContractState.SETTLED + "', settled_period = ?"
                                + " WHERE contract_id = ?",
                        settings.batchSize());
                RefundItems.Creation refunds = refundItems.creating(runId, p)) {
            jdbc.query(
                    STAGED,
                    rs -> {
                        String contractId = rs.getString(3);
                        if (current[0] == null || !current[0].id().equals(contractId)) {
                            if (current[0] != null) {
                                current[0].write(balance, settled, p);
                            }
                            current[0] = new Contract(
                                    contractId,
                                    rs.getString(6),
                                    new ContractBalance(
                                            ContractState.valueOf(rs.getString(7)),
                                            rs.getLong(8),
                                            rs.getLong(9),
                                            rs.getLong(10),
                                            rs.getLong(11)));
                        }
                        Contract contract = current[0];
                        long amount = rs.getLong(4);
                        Credit credit = contract.balance.credit(amount);
                        contract.credited(credit);
                        row[0]++;
                        String rowReference = PublishPayments.rowReference(reference, row[0]);
                        String refundId = credit.refundDueXof() > 0 ? rowReference : null;
                        payment.add(
                                rs.getString(1),
                                rs.getString(2),
                                contractId,
                                amount,
                                rs.getString(5),
                                runId,
                                p,
                                row[0],
                                credit.postedXof(),
                                credit.toRecovered(),
                                refundId,
                                contract.matricule,
                                credit.after().outstandingXof(),
                                PaymentStatus.of(credit).name());
                        entry.add(
                                runId,
                                row[0],
                                p,
                                contractId,
                                contract.matricule,
                                rowReference,
                                amount,
                                credit.toRecovered() ? 0 : credit.postedXof(),
                                credit.toRecovered() ? credit.postedXof() : 0,
                                credit.refundDueXof());
                        if (refundId != null) {
                            refunds.add(refundId, contractId, contract.matricule, false, credit.refundDueXof());
                        }
                    },
                    runId);
            if (current[0] != null) {
                current[0].write(balance, settled, p);
            }
        }
        return row[0];
    }

    /** What the run did, for its outcome line and {@code status}. */
    private String summary(long runId, Period period, int number, long skipped, long stopped) {
        String recorded = jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(amount_xof), 0), COALESCE(SUM(posted_xof), 0),"
                        + " COALESCE(SUM(amount_xof - posted_xof), 0) FROM payment WHERE run_id = ?",
                (rs, i) -> Counted.of(rs.getLong(1), "payment") + " recorded in " + period + " ("
                        + PublishPayments.paymentsFile(period, number) + "): received " + Francs.of(rs.getLong(2))
                        + ", posted "
                        + Francs.of(rs.getLong(3)) + ", refund due " + Francs.of(rs.getLong(4)),
                runId);
        return recorded
                + (skipped > 0 ? "; " + Counted.of(skipped, "line") + " already recorded, skipped" : "")
                + (payments.isOrderIssued(period) ? "; " + Counted.of(stopped, "order line") + " stopped" : "");
    }

    /** A contract's balance as the run's payments change it, written once its last payment is credited. */
    private static final class Contract {

        private final String id;
        private final String matricule;
        private final ContractBalance before;
        private ContractBalance balance;
        private boolean settled;

        Contract(String id, String matricule, ContractBalance balance) {
            this.id = id;
            this.matricule = matricule;
            this.before = balance;
            this.balance = balance;
        }

        String id() {
            return id;
        }

        void credited(Credit credit) {
            balance = credit.after();
            settled |= credit.settled();
        }

        void write(RowBatch balances, RowBatch settlements, String period) {
            if (!balance.equals(before)) {
                balances.add(balance.collectedXof(), balance.recoveredXof(), id);
            }
            if (settled) {
                settlements.add(period, id);
            }
        }
    }
}
