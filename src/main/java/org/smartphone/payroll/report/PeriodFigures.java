package org.smartphone.payroll.report;

import java.util.List;
import java.util.Optional;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunState;

/**
 * Every number of the period report, read once from the ledger and from the files of the period
 * (outputs read back from the outbox, the withholding return from the archive), and rendered by both
 * the plain text ({@link PeriodText}) and the HTML page ({@link HtmlReport}). Nothing here is
 * computed from anything else: {@link ControlChecks} does that.
 *
 * @param runs the latest deduction and reconciliation run of the period, in that order, when run
 * @param orderFile {@code deductions-M.csv} read back: its records and the sum of amount_xof
 * @param orderManifest what the deduction manifest says of that file
 * @param exceptionsFile {@code deduction-exceptions-M.csv} read back
 * @param reconciliationFile {@code reconciliation-M.csv} read back
 * @param arrearsFile {@code arrears-M.csv} read back
 * @param withholdingReturn the return's total over its valid lines, from the archived file or, when
 *     it is gone, from the ledger's reconciliation rows
 * @param inputs the inputs of the period's committed runs, with their archived copies
 * @param outputs every output file of the period in the outbox
 * @param deduction the deduction run's figures, once it is in the ledger
 * @param reconciliation the reconciliation run's figures, once it is in the ledger
 * @param portfolio every contract in the ledger now
 * @param balances every contract's balance checked against its postings, the ledger now
 * @param differingRows each published file compared line by line with the ledger rows it was written from
 */
public record PeriodFigures(
        Period period,
        List<RunLine> runs,
        Reading<OrderTotals> orderFile,
        Reading<OrderTotals> orderManifest,
        Reading<ExceptionTotals> exceptionsFile,
        Reading<ReconciliationTotals> reconciliationFile,
        Reading<ArrearsTotals> arrearsFile,
        Reading<ReturnTotal> withholdingReturn,
        List<FileDigest> inputs,
        List<FileDigest> outputs,
        Optional<DeductionFigures> deduction,
        Optional<ReconciliationFigures> reconciliation,
        Portfolio portfolio,
        Balances balances,
        DifferingRows differingRows) {

    public PeriodFigures {
        runs = List.copyOf(runs);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** One run of the period as payroll_run holds it. */
    public record RunLine(RunKind kind, long runId, RunState state, String inputName) {}

    /** Records of a deduction order and the sum of their amount_xof. */
    public record OrderTotals(long records, long amountXof) {}

    /** Records of an exceptions file (or the ledger's exception lines) and the sums of its amounts. */
    public record ExceptionTotals(long records, long dueXof, long amountXof, long shortfallXof) {}

    /** Records of an arrears file (or the ledger's arrears lines) and the sums of its amounts. */
    public record ArrearsTotals(long records, long overdueXof, long outstandingXof) {}

    /**
     * Lines of each published file that differ from the ledger row at the same place (or have none),
     * missing while the run that writes the file has not reached the ledger.
     */
    public record DifferingRows(
            Reading<Long> order, Reading<Long> exceptions, Reading<Long> reconciliation, Reading<Long> arrears) {}

    /** Records of a reconciliation file and the sums of its amount columns. */
    public record ReconciliationTotals(
            long records, long expectedXof, long withheldXof, long postedXof, long refundDueXof) {}

    /** The withholding return's withheld total over its valid lines, and where it was read. */
    public record ReturnTotal(Source source, String location, long lines, long withheldXof) {

        /** Where the total comes from. */
        public enum Source {
            /** the return as archived after the reconciliation run, read again line by line */
            ARCHIVED_FILE,
            /** the ledger's reconciliation rows, when the archived return is gone or altered */
            LEDGER
        }
    }

    /** The committed deduction lines of the period. */
    public record DeductionFigures(
            long contractsWithDue,
            long dueXof,
            long arrearsPartXof,
            long orderLines,
            long orderAmountXof,
            List<ReasonLine> exceptions) {

        public DeductionFigures {
            exceptions = List.copyOf(exceptions);
        }
    }

    /** Contracts instructed less than their due for one reason. */
    public record ReasonLine(String reason, long count, long dueXof, long amountXof, long shortfallXof) {}

    /** The committed reconciliation of the period and the arrears it left. */
    public record ReconciliationFigures(
            List<StatusLine> statuses, List<BucketLine> buckets, List<MinistryLine> ministries) {

        public ReconciliationFigures {
            statuses = List.copyOf(statuses);
            buckets = List.copyOf(buckets);
            ministries = List.copyOf(ministries);
        }
    }

    /** Reconciliation rows of one status. */
    public record StatusLine(
            String status, long count, long expectedXof, long withheldXof, long postedXof, long refundDueXof) {}

    /** Contracts in arrears in one bucket. */
    public record BucketLine(String bucket, long count, long overdueXof, long outstandingXof) {}

    /** Contracts in arrears of one ministry; {@code ministryCode} is null when none is known. */
    public record MinistryLine(String ministryCode, long count, long overdueXof, long outstandingXof) {}

    /** Every contract in the ledger: open, settled, financed, collected to date, outstanding. */
    public record Portfolio(
            long openContracts, long settledContracts, long financedXof, long collectedXof, long outstandingXof) {}

    /**
     * The ledger checked against itself (SPEC 2, 4): what every contract has collected against the
     * sum of its postings, and its state against its balance.
     *
     * @param contracts contracts in the ledger
     * @param collectedXof the sum of what they have collected (contract_balance)
     * @param postedXof the sum of every posting, contracts known or not
     * @param notSumOfPostings contracts whose collected is not the sum of their postings (a contract
     *     without a balance included), plus each posting for a contract the ledger does not hold
     * @param settledWithOutstanding settled contracts whose collected is not what was financed
     * @param openOutOfRange open contracts whose collected is not at least 0 and below what was financed
     */
    public record Balances(
            long contracts,
            long collectedXof,
            long postedXof,
            long notSumOfPostings,
            long settledWithOutstanding,
            long openOutOfRange) {}
}
