package org.smartphone.payroll.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.smartphone.payroll.arrears.ArrearsBucket;
import org.smartphone.payroll.deduction.DeductionReason;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.reconciliation.ReconciliationStatus;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.MinistryLine;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ledger's figures of a period, read once for both the plain-text and the HTML report (and for
 * the domain meters of {@code org.smartphone.payroll.metrics}, which read the same figures); the rules
 * they count by (open, settled, order line, exception) are {@link LedgerRules}'. Every known reason, status
 * and bucket gets a line, zero when nothing fell in it, in the order of SPEC; anything else the
 * ledger holds follows in code point order.
 */
@Repository
public class PeriodLedger {

    private final JdbcTemplate jdbc;

    PeriodLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DeductionFigures deduction(String period) {
        Map<String, ReasonLine> reasons = zeros(DeductionReason.values(), r -> new ReasonLine(r, 0, 0, 0, 0));
        jdbc.query(
                "SELECT reason, COUNT(*), SUM(due_xof), SUM(amount_xof), SUM(due_xof - amount_xof)"
                        + " FROM deduction_line WHERE period = ? AND " + LedgerRules.isException("deduction_line")
                        + " GROUP BY reason",
                rs -> {
                    String reason = rs.getString(1) == null ? "" : rs.getString(1);
                    reasons.put(
                            reason, new ReasonLine(reason, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                },
                period);
        List<ReasonLine> exceptions = inOrder(reasons, DeductionReason.values());
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(due_xof), 0), COALESCE(SUM(arrears_part_xof), 0),"
                        + " COALESCE(SUM(CASE WHEN " + LedgerRules.isOrderLine("deduction_line")
                        + " THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(amount_xof), 0)"
                        + " FROM deduction_line WHERE period = ?",
                (rs, i) -> new DeductionFigures(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), exceptions),
                period);
    }

    public ReconciliationFigures reconciliation(String period) {
        Map<String, StatusLine> statuses = zeros(ReconciliationStatus.values(), s -> new StatusLine(s, 0, 0, 0, 0, 0));
        jdbc.query(
                "SELECT status, COUNT(*), SUM(expected_xof), SUM(withheld_xof), SUM(posted_xof),"
                        + " SUM(refund_due_xof) FROM reconciliation_line WHERE period = ? GROUP BY status",
                rs -> {
                    statuses.put(
                            rs.getString(1),
                            new StatusLine(
                                    rs.getString(1),
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    rs.getLong(6)));
                },
                period);
        Map<String, BucketLine> buckets = zeros(ArrearsBucket.values(), b -> new BucketLine(b, 0, 0, 0));
        jdbc.query(
                "SELECT bucket, COUNT(*), SUM(overdue_xof), SUM(outstanding_xof) FROM arrears_line"
                        + " WHERE period = ? GROUP BY bucket",
                rs -> {
                    buckets.put(
                            rs.getString(1),
                            new BucketLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                },
                period);
        // Blank and absent ministry codes are one line; codes sort by code point, the unknown last.
        Map<String, long[]> ministries = new TreeMap<>(
                Comparator.comparing((String code) -> code.isEmpty()).thenComparing(Comparator.naturalOrder()));
        jdbc.query(
                "SELECT ministry_code, COUNT(*), SUM(overdue_xof), SUM(outstanding_xof) FROM arrears_line"
                        + " WHERE period = ? GROUP BY ministry_code",
                rs -> {
                    String code = rs.getString(1) == null ? "" : rs.getString(1).strip();
                    long[] sums = ministries.computeIfAbsent(code, k -> new long[3]);
                    sums[0] += rs.getLong(2);
                    sums[1] += rs.getLong(3);
                    sums[2] += rs.getLong(4);
                },
                period);
        List<MinistryLine> byMinistry = new ArrayList<>();
        ministries.forEach((code, sums) ->
                byMinistry.add(new MinistryLine(code.isEmpty() ? null : code, sums[0], sums[1], sums[2])));
        return new ReconciliationFigures(
                inOrder(statuses, ReconciliationStatus.values()), inOrder(buckets, ArrearsBucket.values()), byMinistry);
    }

    /** The withheld total of the period's reconciliation rows: the return as the run read it. */
    ReturnTotal withheldInLedger(String period) {
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(withheld_xof), 0) FROM reconciliation_line"
                        + " WHERE period = ? AND withheld_xof > 0",
                (rs, i) ->
                        new ReturnTotal(ReturnTotal.Source.LEDGER, "reconciliation_line", rs.getLong(1), rs.getLong(2)),
                period);
    }

    public Portfolio portfolio() {
        return jdbc.queryForObject(
                "SELECT"
                        + " COALESCE(SUM(CASE WHEN " + LedgerRules.isOpen("c") + " THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(CASE WHEN " + LedgerRules.isSettled("c") + " THEN 1 ELSE 0 END), 0),"
                        + " COALESCE(SUM(b.financed_xof), 0), COALESCE(SUM(b.collected_xof), 0),"
                        + " COALESCE(SUM(" + LedgerRules.outstanding("c", "b") + "), 0)"
                        + " FROM contract c JOIN contract_balance b ON b.contract_id = c.contract_id",
                (rs, i) -> new Portfolio(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
    }

    private static <E extends Enum<E>, L> Map<String, L> zeros(E[] known, Function<String, L> zero) {
        Map<String, L> lines = new HashMap<>();
        Arrays.stream(known).forEach(k -> lines.put(k.name(), zero.apply(k.name())));
        return lines;
    }

    /**
     * The known keys first, in the order {@link #zeros} put them, then any other the ledger holds by
     * code point (String order is code unit order, the same for the ASCII codes of the engine).
     */
    private static <L> List<L> inOrder(Map<String, L> lines, Enum<?>[] known) {
        List<L> ordered = new ArrayList<>();
        Map<String, L> others = new TreeMap<>(lines);
        for (Enum<?> key : known) {
            ordered.add(others.remove(key.name()));
        }
        ordered.addAll(others.values());
        return ordered;
    }
}
