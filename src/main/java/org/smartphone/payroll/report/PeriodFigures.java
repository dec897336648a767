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
 * @param lifeEvents the money of the period outside the payroll (SPEC 7): the runs that posted in it,
 *     its stops, the refund items it created, the refund batches made while it was open, the ledger
 *     now by contract state and refund status
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
        DifferingRows differingRows,
        LifeEvents lifeEvents) {

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
     * The ledger checked against itself (SPEC 2, 4, 7.0): what every contract has collected, written off
     * and recovered against its reconciliation postings and the ledger entries of the runs of SPEC 7, and
     * its state against its balance.
     *
     * @param contracts contracts in the ledger
     * @param collectedXof the sum of what they have collected (contract_balance)
     * @param postedXof the sum of every posting and of every ledger entry's change to collected,
     *     contracts known or not
     * @param notSumOfPostings contracts whose collected is not the sum of their postings and entries, or
     *     whose written off or recovered is not the sum of their entries (a contract without a balance
     *     included), plus each posting or entry for a contract the ledger does not hold
     * @param settledWithOutstanding settled contracts whose collected + written off is not what was financed
     * @param openOutOfRange open contracts whose collected + written off is not at least 0 and below what
     *     was financed
     */
    public record Balances(
            long contracts,
            long collectedXof,
            long postedXof,
            long notSumOfPostings,
            long settledWithOutstanding,
            long openOutOfRange) {}

    /**
     * SPEC 7 in the period report of M, read from the ledger (the tables every run of SPEC 7 writes).
     *
     * @param postingRuns the runs that posted in M (payments, later supplements and actions), reached
     *     the ledger, in the order they were numbered
     * @param stops the stops of M by reason, in SPEC's order of reasons
     * @param stopsInForce what the stops take off the deduction order of M: the contracts stopped and
     *     Σ (ordered − amount in force)
     * @param refundsCreated the refund items created in M (by the reconciliation of M, or by a run that
     *     posted in M), by their status now
     * @param batches the refund batches issued and confirmations written while P was M
     * @param money the figures of the money check of M
     * @param states every contract in the ledger now, by state
     * @param refundsNow every refund item in the ledger now, by status
     */
    public record LifeEvents(
            List<PostingRun> postingRuns,
            List<StopLine> stops,
            StopsInForce stopsInForce,
            List<RefundLine> refundsCreated,
            List<BatchLine> batches,
            MoneyOfPeriod money,
            List<StateLine> states,
            List<RefundLine> refundsNow) {

        public LifeEvents {
            postingRuns = List.copyOf(postingRuns);
            stops = List.copyOf(stops);
            refundsCreated = List.copyOf(refundsCreated);
            batches = List.copyOf(batches);
            states = List.copyOf(states);
            refundsNow = List.copyOf(refundsNow);
        }
    }

    /**
     * A run that posted in M (SPEC 7.0): its number NN in M, and the sums of its ledger entries (one per
     * row of its main file): the amounts it received, what it posted (to collected or recovered) and the
     * refund due it made.
     */
    public record PostingRun(
            RunKind kind,
            long runId,
            int runNumber,
            RunState state,
            String inputName,
            long rows,
            long amountXof,
            long postedXof,
            long refundDueXof) {}

    /** Stop rows of M for one reason: ordered_xof and amount_xof summed. */
    public record StopLine(String reason, long count, long orderedXof, long amountXof) {}

    /** The contracts of M's order with a stop, and Σ (ordered − amount in force) over them. */
    public record StopsInForce(long contracts, long reductionXof) {}

    /** Refund items of one status: their count, Σ original_xof and Σ amount_xof. */
    public record RefundLine(String status, long count, long originalXof, long amountXof) {}

    /**
     * A refunds file made while P was M: a batch issued ({@code refunds-NNNN.csv}) or a confirmation
     * ({@code refunds-paid-NNNN.csv}).
     */
    public record BatchLine(String kind, int batch, long items, long amountXof) {}

    /** Contracts in one state now, with their amounts. */
    public record StateLine(String state, long count, long outstandingXof, long writtenOffXof, long recoveredXof) {}

    /**
     * The money of M (SPEC 7.7), over every run that posted in M. The withheld side is the return's
     * ({@link PeriodFigures#withholdingReturn}); everything else is the ledger's.
     *
     * @param reconciled whether the reconciliation of M is in the ledger (its return counts)
     * @param supplementDeltasXof Σ delta of the supplement lines posted in M
     * @param paymentsXof Σ amount of the payments recorded in M
     * @param paymentsReversedXof Σ amount of the payments whose reversal posted in M
     * @param postedXof what the reconciliation of M and every run that posted in M posted (collected
     *     and recovered; negative for what was taken back)
     * @param refundsCreatedXof Σ refund due of the reconciliation of M and of every run that posted in M
     *     (each became a refund item of M)
     * @param refundReductionsXof Σ of the reductions of refund items made in M
     */
    public record MoneyOfPeriod(
            boolean reconciled,
            long supplementDeltasXof,
            long paymentsXof,
            long paymentsReversedXof,
            long postedXof,
            long refundsCreatedXof,
            long refundReductionsXof) {}
}
