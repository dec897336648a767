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
import org.smartphone.payroll.ledger.ContractState;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.reconciliation.ReconciliationStatus;
import org.smartphone.payroll.report.PeriodFigures.BatchLine;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.LifeEvents;
import org.smartphone.payroll.report.PeriodFigures.MinistryLine;
import org.smartphone.payroll.report.PeriodFigures.MoneyOfPeriod;
import org.smartphone.payroll.report.PeriodFigures.Portfolio;
import org.smartphone.payroll.report.PeriodFigures.PostingRun;
import org.smartphone.payroll.report.PeriodFigures.ReasonLine;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.RefundLine;
import org.smartphone.payroll.report.PeriodFigures.ReturnTotal;
import org.smartphone.payroll.report.PeriodFigures.StateLine;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.report.PeriodFigures.StopLine;
import org.smartphone.payroll.report.PeriodFigures.StopsInForce;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;
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

    /**
     * The reasons of a stop (SPEC 7.0), in SPEC's order: money credited by a payment or moved by a
     * cancellation, a supplement, a write-off, a cancellation.
     */
    static final List<String> STOP_REASONS =
            List.of("PAID_OUTSIDE_PAYROLL", "WITHHELD_LATE", "WRITTEN_OFF", "CANCELLED");

    /** The statuses of a refund item (SPEC 7.0, 7.2), in the order an item goes through them. */
    static final List<String> REFUND_STATUSES = List.of("DUE", "INSTRUCTED", "PAID", "CANCELLED");

    /**
     * SPEC 7 in the report of a period: what the runs that posted in it did, its stops, the refund items
     * and batches of the period, and the ledger now by contract state and refund status.
     *
     * @param reconciled whether the reconciliation of the period is in the ledger
     */
    public LifeEvents lifeEvents(String period, boolean reconciled) {
        return new LifeEvents(
                postingRuns(period),
                stops(period),
                stopsInForce(period),
                refundItems(" WHERE period = ?", period),
                batches(period),
                money(period, reconciled),
                contractsByState(),
                refundItemsNow());
    }

    /**
     * The runs of the period numbered NN in it (SPEC 7.0: those that post in the open period) whose
     * effect is in the ledger, with the sums of their ledger entries.
     */
    List<PostingRun> postingRuns(String period) {
        return jdbc.query(
                "SELECT r.run_id, r.kind, r.run_number, r.state, r.input_name, COUNT(e.row_no),"
                        + " COALESCE(SUM(e.amount_xof), 0), COALESCE(SUM(e.collected_xof + e.recovered_xof), 0),"
                        + " COALESCE(SUM(e.refund_xof), 0)"
                        + " FROM payroll_run r LEFT JOIN ledger_entry e ON e.run_id = r.run_id"
                        + " WHERE r.period = ? AND r.run_number IS NOT NULL AND " + RunState.reachedLedger("r.state")
                        + " GROUP BY r.run_id, r.kind, r.run_number, r.state, r.input_name ORDER BY r.run_number",
                (rs, i) -> new PostingRun(
                        RunKind.valueOf(rs.getString(2)),
                        rs.getLong(1),
                        rs.getInt(3),
                        RunState.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)),
                period);
    }

    /** Every stop row of the period, by reason: each known reason gets a line, zero when none. */
    List<StopLine> stops(String period) {
        Map<String, StopLine> reasons = new HashMap<>();
        STOP_REASONS.forEach(r -> reasons.put(r, new StopLine(r, 0, 0, 0)));
        jdbc.query(
                "SELECT reason, COUNT(*), SUM(ordered_xof), SUM(amount_xof) FROM order_stop WHERE period = ?"
                        + " GROUP BY reason",
                rs -> {
                    reasons.put(
                            rs.getString(1),
                            new StopLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                },
                period);
        return inOrder(reasons, STOP_REASONS);
    }

    /**
     * What the stops take off the deduction order of the period: for each contract stopped, its order
     * line's amount less its amount in force (its latest stop: stops only lower it, so the least).
     */
    StopsInForce stopsInForce(String period) {
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(COALESCE(d.amount_xof, 0) - s.in_force), 0) FROM"
                        + " (SELECT contract_id, MIN(amount_xof) AS in_force FROM order_stop WHERE period = ?"
                        + " GROUP BY contract_id) s"
                        + " LEFT JOIN deduction_line d ON d.period = ? AND d.contract_id = s.contract_id",
                (rs, i) -> new StopsInForce(rs.getLong(1), rs.getLong(2)),
                period,
                period);
    }

    /**
     * Refund items by status, each known status a line (zero when none): those created in a period
     * (their period, SPEC 7.0), or every one.
     */
    private List<RefundLine> refundItems(String where, String period) {
        Map<String, RefundLine> statuses = new HashMap<>();
        REFUND_STATUSES.forEach(s -> statuses.put(s, new RefundLine(s, 0, 0, 0)));
        Object[] args = period == null ? new Object[0] : new Object[] {period};
        jdbc.query(
                "SELECT status, COUNT(*), SUM(original_xof), SUM(amount_xof) FROM refund_item" + where
                        + " GROUP BY status",
                rs -> {
                    statuses.put(
                            rs.getString(1),
                            new RefundLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                },
                args);
        return inOrder(statuses, REFUND_STATUSES);
    }

    /** Every refund item in the ledger now, by status (for {@code status}). */
    public List<RefundLine> refundItemsNow() {
        return refundItems("", null);
    }

    /** The refunds files made while P was the period, in the order they were made. */
    List<BatchLine> batches(String period) {
        return jdbc.query(
                "SELECT kind, batch, items, amount_xof FROM refund_batch WHERE period = ? ORDER BY run_id",
                (rs, i) -> new BatchLine(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)),
                period);
    }

    /** The figures of the money check of the period (SPEC 7.7), from the ledger. */
    MoneyOfPeriod money(String period, boolean reconciled) {
        long supplementDeltas = sum(
                "SELECT COALESCE(SUM(amount_xof), 0) FROM ledger_entry WHERE period = ? AND kind = 'SUPPLEMENT'",
                period);
        long payments = sum("SELECT COALESCE(SUM(amount_xof), 0) FROM payment WHERE period = ?", period);
        long reversed = sum(
                "SELECT COALESCE(SUM(p.amount_xof), 0) FROM payment p"
                        + " JOIN payroll_run r ON r.run_id = p.reversed_run_id WHERE r.period = ?",
                period);
        long reconciliationPosted =
                sum("SELECT COALESCE(SUM(posted_xof), 0) FROM reconciliation_line WHERE period = ?", period);
        long entriesPosted = sum(
                "SELECT COALESCE(SUM(collected_xof + recovered_xof), 0) FROM ledger_entry WHERE period = ?", period);
        // the refunds due the runs made, as they recorded them; each became a refund item of the period
        long refundsCreated = Math.addExact(
                sum("SELECT COALESCE(SUM(refund_due_xof), 0) FROM reconciliation_line WHERE period = ?", period),
                sum("SELECT COALESCE(SUM(refund_xof), 0) FROM ledger_entry WHERE period = ?", period));
        long reductions = sum("SELECT COALESCE(SUM(amount_xof), 0) FROM refund_reduction WHERE period = ?", period);
        return new MoneyOfPeriod(
                reconciled,
                supplementDeltas,
                payments,
                reversed,
                Math.addExact(reconciliationPosted, entriesPosted),
                refundsCreated,
                reductions);
    }

    private long sum(String sql, String period) {
        Long value = jdbc.queryForObject(sql, Long.class, period);
        return value == null ? 0 : value;
    }

    /**
     * Every contract by state (SPEC 7.0), each state a line (zero when none), with its outstanding,
     * written-off and recovered totals.
     */
    public List<StateLine> contractsByState() {
        Map<String, StateLine> states = zeros(ContractState.values(), s -> new StateLine(s, 0, 0, 0, 0));
        jdbc.query(
                "SELECT c.state, COUNT(*), SUM(" + LedgerRules.outstanding("c", "b") + "), SUM(b.written_off_xof),"
                        + " SUM(b.recovered_xof)"
                        + " FROM contract c JOIN contract_balance b ON b.contract_id = c.contract_id GROUP BY c.state",
                rs -> {
                    states.put(
                            rs.getString(1),
                            new StateLine(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                },
                new Object[0]);
        return inOrder(states, ContractState.values());
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
        return inOrder(lines, Arrays.stream(known).map(Enum::name).toList());
    }

    private static <L> List<L> inOrder(Map<String, L> lines, List<String> known) {
        List<L> ordered = new ArrayList<>();
        Map<String, L> others = new TreeMap<>(lines);
        for (String key : known) {
            ordered.add(others.remove(key));
        }
        ordered.addAll(others.values());
        return ordered;
    }
}
