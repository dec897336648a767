package org.smartphone.payroll.deduction;

import java.io.IOException;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.files.SpreadsheetText;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.OutputPublisher;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code publishDeduction} of the deduction run (SPEC 5): the deduction order, the exceptions
 * and the manifest, written from the committed lines. It runs again whenever an interrupted run is
 * resumed, so a file altered since it was published is rebuilt.
 */
@Component
public class PublishDeduction implements Work {

    private static final List<String> ORDER_HEADER =
            List.of("period", "matricule", "contract_id", "full_name", "deduction_code", "amount_xof");
    private static final List<String> EXCEPTIONS_HEADER = List.of(
            "period", "matricule", "contract_id", "full_name", "due_xof", "amount_xof", "shortfall_xof", "reason");

    // the files' order (contract_id, then matricule: SPEC) is the key's, a contract having one line
    // a period; written with the period first so that H2 reads along the key instead of sorting
    // (it does not skip a key column bound by =)
    private static final String ORDER_LINES =
            "SELECT d.matricule, d.contract_id, c.full_name, d.amount_xof FROM deduction_line d"
                    + " JOIN contract c ON c.contract_id = d.contract_id WHERE d.period = ? AND "
                    + LedgerRules.isOrderLine("d")
                    + " ORDER BY d.period, d.contract_id";
    private static final String EXCEPTION_LINES = "SELECT d.matricule, d.contract_id, c.full_name, d.due_xof,"
            + " d.amount_xof, d.reason FROM deduction_line d JOIN contract c ON c.contract_id = d.contract_id"
            + " WHERE d.period = ? AND " + LedgerRules.isException("d")
            + " ORDER BY d.period, d.contract_id";

    private final JdbcTemplate jdbc;
    private final Home home;

    PublishDeduction(JdbcTemplate jdbc, Home home) {
        this.jdbc = jdbc;
        this.home = home;
    }

    @Override
    public long run(RunContext run) throws IOException {
        String period = run.period().toString();
        OutputPublisher outbox = new OutputPublisher(jdbc, home, run, "deduction");
        outbox.publishCsv(
                orderFile(run.period()),
                ORDER_HEADER,
                List.of("amount_xof"),
                (row, record) -> record.text(period)
                        .text(row.getString(1))
                        .text(row.getString(2))
                        .text(SpreadsheetText.copied(row.getString(3)))
                        .text(run.deductionCode())
                        .amount(row.getLong(4)),
                ORDER_LINES,
                period);
        outbox.publishCsv(
                exceptionsFile(run.period()),
                EXCEPTIONS_HEADER,
                List.of("due_xof", "amount_xof", "shortfall_xof"),
                (row, record) -> {
                    long due = row.getLong(4);
                    long amount = row.getLong(5);
                    record.text(period)
                            .text(row.getString(1))
                            .text(row.getString(2))
                            .text(SpreadsheetText.copied(row.getString(3)))
                            .amount(due)
                            .amount(amount)
                            .amount(due - amount)
                            .text(row.getString(6));
                },
                EXCEPTION_LINES,
                period);
        return outbox.publishManifest(manifestFile(run.period()));
    }

    /** The files the deduction run of a period publishes in its outbox folder, sidecars included. */
    public static List<String> outputFiles(Period period) {
        return OutputPublisher.filesWithSidecars(manifestFile(period), orderFile(period), exceptionsFile(period));
    }

    public static String orderFile(Period period) {
        return "deductions-" + period + ".csv";
    }

    public static String exceptionsFile(Period period) {
        return "deduction-exceptions-" + period + ".csv";
    }

    public static String manifestFile(Period period) {
        return "deduction-" + period + ".manifest.json";
    }
}
