package org.smartphone.payroll.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.report.PeriodFigures.RefundLine;
import org.smartphone.payroll.report.PeriodFigures.StateLine;
import org.smartphone.payroll.run.OpenPeriod;
import org.smartphone.payroll.run.RunKind;

/**
 * What the domain meters show, read from the ledger at one moment. Amounts are whole francs; they
 * become doubles only when a gauge hands them to Micrometer.
 *
 * @param deduction the latest completed deduction run, if any
 * @param reconciliation the latest completed reconciliation run, if any
 * @param rejectedLines invalid lines reported by every run so far, per kind of run
 * @param states every contract by state (SPEC 7.0)
 * @param open the open period P and whether its order is issued, once a deduction run has completed
 * @param payments every payment recorded so far (SPEC 7.1)
 * @param refunds every refund item, by status (SPEC 7.2)
 */
record LedgerFigures(
        Optional<Deducted> deduction,
        Optional<Reconciled> reconciliation,
        Map<RunKind, Long> rejectedLines,
        List<StateLine> states,
        Optional<OpenPeriod.Open> open,
        Payments payments,
        List<RefundLine> refunds) {

    LedgerFigures {
        rejectedLines = Map.copyOf(rejectedLines);
        states = List.copyOf(states);
        refunds = List.copyOf(refunds);
    }

    LedgerFigures withRejectedLines(Map<RunKind, Long> lines) {
        return new LedgerFigures(deduction, reconciliation, lines, states, open, payments, refunds);
    }

    /** Contracts in a state, 0 for a state no contract is in. */
    long contracts(String state) {
        return states.stream()
                .filter(line -> line.state().equals(state))
                .mapToLong(StateLine::count)
                .sum();
    }

    /** Refund items of a status: their count, 0 when none. */
    Optional<RefundLine> refunds(String status) {
        return refunds.stream().filter(line -> line.status().equals(status)).findFirst();
    }

    /**
     * Every payment recorded (SPEC 7.1): how many, what was received, what was posted (to collected or
     * recovered) and what became refunds due.
     */
    record Payments(long count, long receivedXof, long postedXof) {

        long refundDueXof() {
            return receivedXof - postedXof;
        }
    }

    long rejectedLines(RunKind kind) {
        return rejectedLines.getOrDefault(kind, 0L);
    }

    /** The deduction order of a period: its total. */
    record Deducted(Period period, long instructedXof) {}

    /** The reconciliation of a period: its totals and the arrears it left, one line per bucket. */
    record Reconciled(Period period, long withheldXof, long postedXof, long refundDueXof, List<BucketLine> arrears) {

        Reconciled {
            arrears = List.copyOf(arrears);
        }

        Optional<BucketLine> bucket(String name) {
            return arrears.stream().filter(line -> line.bucket().equals(name)).findFirst();
        }
    }
}
