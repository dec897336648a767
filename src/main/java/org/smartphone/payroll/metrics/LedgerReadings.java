package org.smartphone.payroll.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smartphone.payroll.metrics.LedgerFigures.Deducted;
import org.smartphone.payroll.metrics.LedgerFigures.Payments;
import org.smartphone.payroll.metrics.LedgerFigures.Reconciled;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodFigures.DeductionFigures;
import org.smartphone.payroll.report.PeriodFigures.ReconciliationFigures;
import org.smartphone.payroll.report.PeriodFigures.StatusLine;
import org.smartphone.payroll.report.PeriodLedger;
import org.smartphone.payroll.run.OpenPeriod;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger figures behind the domain meters, read when a meter is read, never at startup: a
 * command that nobody scrapes does not query for them. A scrape reads a dozen gauges, so figures
 * are kept for {@link #FRESH_FOR}; after that one small query on {@code payroll_run} says whether
 * a run has reached the ledger since, and only then are the period's figures summed again (over
 * hundreds of thousands of rows at country scale). Rejected lines come from that small query.
 */
@Component
class LedgerReadings {

    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final PeriodLedger ledger;
    private final OpenPeriod openPeriod;

    private LedgerFigures figures;
    private RunsState readFor;
    private long readAt;

    LedgerReadings(JdbcTemplate jdbc, PeriodLedger ledger, OpenPeriod openPeriod) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.openPeriod = openPeriod;
    }

    synchronized LedgerFigures current() {
        long now = System.nanoTime();
        if (figures != null && now - readAt < FRESH_FOR.toNanos()) {
            return figures;
        }
        RunsState runs = runsState();
        figures = figures != null && runs.sameLedger(readFor)
                ? figures.withRejectedLines(runs.rejectedLines())
                : read(runs);
        readFor = runs;
        readAt = now;
        return figures;
    }

    private LedgerFigures read(RunsState runs) {
        Optional<Deducted> deduction = runs.lastDeduction().map(period -> {
            DeductionFigures figures = ledger.deduction(period.toString());
            return new Deducted(period, figures.orderAmountXof());
        });
        Optional<Reconciled> reconciliation = runs.lastReconciliation().map(period -> {
            ReconciliationFigures figures = ledger.reconciliation(period.toString());
            long withheld = 0;
            long posted = 0;
            long refundDue = 0;
            for (StatusLine status : figures.statuses()) {
                withheld += status.withheldXof();
                posted += status.postedXof();
                refundDue += status.refundDueXof();
            }
            return new Reconciled(period, withheld, posted, refundDue, figures.buckets());
        });
        Payments payments = jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(amount_xof), 0), COALESCE(SUM(posted_xof), 0) FROM payment",
                (rs, i) -> new Payments(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        return new LedgerFigures(
                deduction,
                reconciliation,
                runs.rejectedLines(),
                ledger.contractsByState(),
                openPeriod.current(),
                payments,
                ledger.refundItemsNow());
    }

    /** One query on the small run table: what the ledger holds, and the invalid lines reported. */
    private RunsState runsState() {
        Map<RunKind, Long> rejected = new EnumMap<>(RunKind.class);
        Map<RunKind, Long> inLedger = new EnumMap<>(RunKind.class);
        Map<RunKind, String> lastCompleted = new EnumMap<>(RunKind.class);
        jdbc.query(
                "SELECT kind, COALESCE(SUM(records_rejected), 0),"
                        + " SUM(CASE WHEN " + RunState.reachedLedger("state") + " THEN 1 ELSE 0 END),"
                        + " MAX(CASE WHEN state = 'COMPLETED' THEN period END) FROM payroll_run GROUP BY kind",
                rs -> {
                    RunKind kind = RunKind.valueOf(rs.getString(1));
                    rejected.put(kind, rs.getLong(2));
                    inLedger.put(kind, rs.getLong(3));
                    if (rs.getString(4) != null) {
                        lastCompleted.put(kind, rs.getString(4));
                    }
                });
        return new RunsState(
                Map.copyOf(inLedger),
                Optional.ofNullable(lastCompleted.get(RunKind.DEDUCTION)).map(Period::parse),
                Optional.ofNullable(lastCompleted.get(RunKind.RECONCILIATION)).map(Period::parse),
                rejected);
    }

    /**
     * @param runsInLedger runs that reached the ledger, per kind: the ledger changes only when one
     *     more does
     */
    private record RunsState(
            Map<RunKind, Long> runsInLedger,
            Optional<Period> lastDeduction,
            Optional<Period> lastReconciliation,
            Map<RunKind, Long> rejectedLines) {

        boolean sameLedger(RunsState other) {
            return other != null
                    && runsInLedger.equals(other.runsInLedger)
                    && Objects.equals(lastDeduction, other.lastDeduction)
                    && Objects.equals(lastReconciliation, other.lastReconciliation);
        }
    }
}
