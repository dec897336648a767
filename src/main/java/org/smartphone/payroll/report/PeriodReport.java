package org.smartphone.payroll.report;

import java.util.Locale;
import java.util.Optional;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The plain-text period report: what was instructed and why not more, what came back and how it
 * was posted, arrears by bucket, and the portfolio. Every figure is read from the ledger tables.
 */
@Service
public class PeriodReport {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;

    public PeriodReport(JdbcTemplate jdbc, RunRegistry runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    public String text(Period period) {
        String p = period.toString();
        StringBuilder out = new StringBuilder();
        out.append("Period report ").append(p).append('\n').append("=".repeat(20)).append("\n\n");
        out.append("Deduction run: ").append(runState(RunKind.DEDUCTION, p)).append('\n');
        jdbc.query("SELECT COUNT(*), COALESCE(SUM(due_xof), 0), COALESCE(SUM(arrears_part_xof), 0)"
                + " FROM deduction_line WHERE period = ?", rs -> {
                    out.append(line("contracts with a due", rs.getLong(1), "due", rs.getLong(2)));
                    out.append(String.format("  %-30s %8s       %s %s F%n", "", "", "of which arrears",
                            francs(rs.getLong(3))));
                }, p);
        jdbc.query("SELECT COUNT(*), COALESCE(SUM(amount_xof), 0) FROM deduction_line WHERE period = ?"
                + " AND amount_xof > 0", rs -> {
                    out.append(line("deduction order", rs.getLong(1), "amount", rs.getLong(2)));
                }, p);
        jdbc.query("SELECT reason, COUNT(*), SUM(due_xof - amount_xof) FROM deduction_line WHERE period = ?"
                + " AND amount_xof < due_xof GROUP BY reason ORDER BY reason", rs -> {
                    out.append(line("exceptions " + rs.getString(1), rs.getLong(2), "shortfall", rs.getLong(3)));
                }, p);
        out.append("\nReconciliation run: ").append(runState(RunKind.RECONCILIATION, p)).append('\n');
        jdbc.query("SELECT status, COUNT(*), SUM(expected_xof), SUM(withheld_xof), SUM(posted_xof),"
                + " SUM(refund_due_xof) FROM reconciliation_line WHERE period = ? GROUP BY status ORDER BY status",
                rs -> {
                    out.append(String.format("  %-30s %8d rows  expected %15s  withheld %15s  posted %15s"
                            + "  refund due %12s%n", rs.getString(1), rs.getLong(2), francs(rs.getLong(3)),
                            francs(rs.getLong(4)), francs(rs.getLong(5)), francs(rs.getLong(6))));
                }, p);
        out.append("\nArrears after reconciliation\n");
        jdbc.query("SELECT bucket, COUNT(*), SUM(overdue_xof), SUM(outstanding_xof) FROM arrears_line"
                + " WHERE period = ? GROUP BY bucket ORDER BY bucket", rs -> {
                    out.append(line(rs.getString(1), rs.getLong(2), "overdue", rs.getLong(3)));
                }, p);
        out.append("\nPortfolio now\n");
        jdbc.query("SELECT SUM(CASE WHEN settled_period IS NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN settled_period IS NULL THEN 0 ELSE 1 END), COALESCE(SUM(collected_xof), 0),"
                + " COALESCE(SUM(price_xof - down_payment_xof - collected_xof), 0) FROM contract", rs -> {
                    out.append(String.format("  open contracts %d, settled %d, collected to date %s F,"
                            + " outstanding %s F%n", rs.getLong(1), rs.getLong(2), francs(rs.getLong(3)),
                            francs(rs.getLong(4))));
                });
        return out.toString();
    }

    private String runState(RunKind kind, String period) {
        Optional<RunRecord> run = runs.all().stream()
                .filter(r -> r.kind() == kind && period.equals(r.period()))
                .reduce((first, second) -> second);
        return run.map(r -> r.state() + " (run " + r.runId() + ", " + r.inputName() + ")").orElse("not run");
    }

    private static String line(String label, long count, String amountLabel, long amount) {
        return String.format("  %-30s %8d rows  %s %s F%n", label, count, amountLabel, francs(amount));
    }

    /** Francs grouped by threes with spaces, as treasury writes them: 1 234 567. */
    static String francs(long amount) {
        return String.format(Locale.ROOT, "%,d", amount).replace(',', ' ');
    }
}
