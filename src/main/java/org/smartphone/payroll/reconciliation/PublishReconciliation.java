package org.smartphone.payroll.reconciliation;

import java.io.IOException;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.SpreadsheetText;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.OutputPublisher;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code publishReconciliation} of the reconciliation run (SPEC 5): the reconciliation and
 * arrears files and the manifest, written from the committed rows. It runs again whenever an
 * interrupted run is resumed, so a file altered since it was published is rebuilt.
 */
@Component
public class PublishReconciliation implements Work {

    private static final List<String> RECONCILIATION_HEADER = List.of(
            "period",
            "matricule",
            "contract_id",
            "expected_xof",
            "withheld_xof",
            "difference_xof",
            "posted_xof",
            "refund_due_xof",
            "status");
    private static final List<String> ARREARS_HEADER = List.of(
            "period",
            "matricule",
            "contract_id",
            "full_name",
            "ministry_code",
            "overdue_xof",
            "outstanding_xof",
            "oldest_unpaid_period",
            "months_past_due",
            "bucket",
            "reason");

    /**
     * The order of the reconciliation file's rows (SPEC 5), which numbers the refund items they make
     * ({@link ReconciliationRefunds}).
     */
    static final String ROW_ORDER = " ORDER BY contract_id, matricule, unexpected";

    private static final String RECONCILIATION_ROWS = "SELECT matricule, contract_id, expected_xof, withheld_xof,"
            + " posted_xof, refund_due_xof, status FROM reconciliation_line WHERE period = ?" + ROW_ORDER;
    // the file's order (contract_id, then matricule: SPEC) is the key's, a contract having one row a period
    private static final String ARREARS_ROWS =
            "SELECT a.matricule, a.contract_id, c.full_name, a.ministry_code, a.overdue_xof,"
                    + " a.outstanding_xof, a.oldest_unpaid_period, a.months_past_due, a.bucket, a.reason"
                    + " FROM arrears_line a JOIN contract c ON c.contract_id = a.contract_id WHERE a.period = ?"
                    + " ORDER BY a.period, a.contract_id";

    private final JdbcTemplate jdbc;
    private final Home home;

    PublishReconciliation(JdbcTemplate jdbc, Home home) {
        this.jdbc = jdbc;
        this.home = home;
    }

    @Override
    public long run(RunContext run) throws IOException {
        String period = run.period().toString();
        OutputPublisher outbox = new OutputPublisher(jdbc, home, run, "reconciliation");
        outbox.publishCsv(
                reconciliationFile(run.period()),
                RECONCILIATION_HEADER,
                List.of("expected_xof", "withheld_xof", "difference_xof", "posted_xof", "refund_due_xof"),
                (rs, record) -> {
                    long expected = rs.getLong(3);
                    long withheld = rs.getLong(4);
                    record.text(period)
                            .text(rs.getString(1))
                            .text(rs.getString(2))
                            .amount(expected)
                            .amount(withheld)
                            .amount(withheld - expected)
                            .amount(rs.getLong(5))
                            .amount(rs.getLong(6))
                            .text(rs.getString(7));
                },
                RECONCILIATION_ROWS,
                period);
        outbox.publishCsv(
                arrearsFile(run.period()),
                ARREARS_HEADER,
                List.of("overdue_xof", "outstanding_xof"),
                (rs, record) -> record.text(period)
                        .text(rs.getString(1))
                        .text(rs.getString(2))
                        .text(SpreadsheetText.copied(rs.getString(3)))
                        .text(SpreadsheetText.copied(rs.getString(4)))
                        .amount(rs.getLong(5))
                        .amount(rs.getLong(6))
                        .text(rs.getString(7))
                        .text(Integer.toString(rs.getInt(8)))
                        .text(rs.getString(9))
                        .text(rs.getString(10)),
                ARREARS_ROWS,
                period);
        return outbox.publishManifest(manifestFile(run.period()));
    }

    /** The files the reconciliation of a period publishes in its outbox folder, sidecars included. */
    public static List<String> outputFiles(Period period) {
        return OutputPublisher.filesWithSidecars(manifestFile(period), reconciliationFile(period), arrearsFile(period));
    }

    public static String reconciliationFile(Period period) {
        return "reconciliation-" + period + ".csv";
    }

    public static String arrearsFile(Period period) {
        return "arrears-" + period + ".csv";
    }

    public static String manifestFile(Period period) {
        return "reconciliation-" + period + ".manifest.json";
    }
}
