package org.smartphone.payroll.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodFigures.BucketLine;
import org.smartphone.payroll.run.RunKind;

/**
 * What the domain meters show, read from the ledger at one moment. Amounts are whole francs; they
 * become doubles only when a gauge hands them to Micrometer.
 *
 * @param deduction the latest completed deduction run, if any
 * @param reconciliation the latest completed reconciliation run, if any
 * @param rejectedLines invalid lines reported by every run so far, per kind of run
 */
record LedgerFigures(
        long openContracts,
        long settledContracts,
        Optional<Deducted> deduction,
        Optional<Reconciled> reconciliation,
        Map<RunKind, Long> rejectedLines) {

    LedgerFigures {
        rejectedLines = Map.copyOf(rejectedLines);
    }

    LedgerFigures withRejectedLines(Map<RunKind, Long> lines) {
        return new LedgerFigures(openContracts, settledContracts, deduction, reconciliation, lines);
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
