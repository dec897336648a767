package org.smartphone.payroll.payment;

import java.io.IOException;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.OutputPublisher;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.stop.OrderStops;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code publishPayments} of the payments run (SPEC 7.1): {@code payments-P-NN.csv}, the stops
 * file while P's order is issued, and {@code payments-P-NN.manifest.json}, all from the committed
 * ledger. It runs again whenever an interrupted run is resumed.
 */
@Component
public class PublishPayments implements Work {

    private static final List<String> HEADER = List.of(
            "period",
            "channel",
            "payment_ref",
            "contract_id",
            "matricule",
            "received_on",
            "amount_xof",
            "posted_xof",
            "refund_due_xof",
            "outstanding_xof",
            "status");

    /** The run's payments in the file's order, which is their row numbers' (contract_id, received_on, ...). */
    private static final String ROWS = "SELECT channel, payment_ref, contract_id, matricule, received_on,"
            + " amount_xof, posted_xof, outstanding_xof, status FROM payment WHERE run_id = ? ORDER BY row_no";

    private final JdbcTemplate jdbc;
    private final Home home;
    private final RunRegistry runs;
    private final OrderStops stops;
    private final PaymentsRun payments;

    PublishPayments(JdbcTemplate jdbc, Home home, RunRegistry runs, OrderStops stops, PaymentsRun payments) {
        this.jdbc = jdbc;
        this.home = home;
        this.runs = runs;
        this.stops = stops;
        this.payments = payments;
    }

    @Override
    public long run(RunContext run) throws IOException {
        Period period = run.period();
        String p = period.toString();
        int number = runs.runNumber(run.runId(), period);
        OutputPublisher outbox = new OutputPublisher(jdbc, home, run, "payments");
        outbox.publishCsv(
                paymentsFile(period, number),
                HEADER,
                List.of("amount_xof", "posted_xof", "refund_due_xof", "outstanding_xof"),
                (rs, record) -> {
                    long amount = rs.getLong(6);
                    long posted = rs.getLong(7);
                    record.text(p)
                            .text(rs.getString(1))
                            .text(rs.getString(2))
                            .text(rs.getString(3))
                            .text(rs.getString(4))
                            .text(rs.getString(5))
                            .amount(amount)
                            .amount(posted)
                            .amount(amount - posted)
                            .amount(rs.getLong(8))
                            .text(rs.getString(9));
                },
                ROWS,
                run.runId());
        if (payments.isOrderIssued(period)) {
            stops.publish(outbox, period, run.runId(), number);
        }
        Long skipped = jdbc.queryForObject(
                "SELECT records_skipped FROM payroll_run WHERE run_id = ?", Long.class, run.runId());
        outbox.skipped(skipped == null ? 0 : skipped);
        return outbox.publishManifest(manifestFile(period, number));
    }

    /** {@code payments-P-NN}: the output file's name without {@code .csv}, which its rows' references start with. */
    static String reference(Period period, int runNumber) {
        return "payments-" + period + "-" + String.format("%02d", runNumber);
    }

    /** {@code payments-P-NN-000003}: the reference of a row (SPEC 7.0, refund items; 7.6). */
    static String rowReference(String reference, long row) {
        return reference + "-" + String.format("%06d", row);
    }

    public static String paymentsFile(Period period, int runNumber) {
        return reference(period, runNumber) + ".csv";
    }

    public static String manifestFile(Period period, int runNumber) {
        return reference(period, runNumber) + ".manifest.json";
    }

    /** The files a payments run publishes in its outbox folder, sidecars included (the stops file when issued). */
    public static List<String> outputFiles(Period period, int runNumber, boolean orderIssued) {
        return orderIssued
                ? OutputPublisher.filesWithSidecars(
                        manifestFile(period, runNumber),
                        paymentsFile(period, runNumber),
                        OrderStops.fileName(period, runNumber))
                : OutputPublisher.filesWithSidecars(manifestFile(period, runNumber), paymentsFile(period, runNumber));
    }
}
