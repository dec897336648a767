package org.smartphone.payroll.cli;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smartphone.payroll.report.PeriodFigures.RefundLine;
import org.smartphone.payroll.report.PeriodFigures.StateLine;
import org.smartphone.payroll.report.PeriodLedger;
import org.smartphone.payroll.run.OpenPeriod;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunState;
import org.smartphone.payroll.run.RunSummary;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.smartphone.payroll.text.TerminalText;
import org.smartphone.payroll.text.Timestamps;
import picocli.CommandLine.Command;

/**
 * {@code status}: every run, its state, counts and totals; then the open period P and whether its order
 * is issued, the contracts per state and the refund items per status (SPEC 7.7).
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Lists every run: kind, period, state, start and end, records read and rejected, totals;"
                + " then the open period, the contracts per state and the refund items per status.")
final class StatusCommand implements Callable<Integer> {

    /** What each contract state means, beside its line. */
    private static final Map<String, String> STATES = Map.of(
            "OPEN", "still repaying, deducted each month",
            "SETTLED", "repaid in full",
            "WRITTEN_OFF", "written off; money received later is recovered",
            "CANCELLED", "sale undone");

    /** What each refund item status means, beside its line. */
    private static final Map<String, String> REFUND_STATUSES = Map.of(
            "DUE", "to pay back: the next refunds issue lists them",
            "INSTRUCTED", "sent to the bank in a batch, not yet confirmed paid",
            "PAID", "confirmed paid",
            "CANCELLED", "reduced to 0");

    private final PayrollCommand root;

    StatusCommand(PayrollCommand root) {
        this.root = root;
    }

    /** One line under the table: how many runs there are in each state, unfinished ones first. */
    private static String totals(List<RunRecord> runs) {
        Map<RunState, Long> byState = new EnumMap<>(RunState.class);
        runs.forEach(run -> byState.merge(run.state(), 1L, Long::sum));
        long unfinished = byState.getOrDefault(RunState.RUNNING, 0L)
                + byState.getOrDefault(RunState.COMMITTED, 0L)
                + byState.getOrDefault(RunState.FAILED, 0L);
        return Counted.of(runs.size(), "run") + ": " + unfinished + " unfinished, "
                + byState.getOrDefault(RunState.COMPLETED, 0L) + " completed, "
                + byState.getOrDefault(RunState.REJECTED, 0L) + " rejected, "
                + byState.getOrDefault(RunState.ABANDONED, 0L) + " abandoned, "
                + byState.getOrDefault(RunState.REVOKED, 0L) + " revoked";
    }

    /**
     * The ledger now: P and whether its order is issued, contracts per state with their outstanding,
     * written-off and recovered totals, refund items per status with their count and amount.
     */
    private static String ledger(Engine engine) {
        StringBuilder out = new StringBuilder("\n");
        out.append(engine.bean(OpenPeriod.class)
                        .current()
                        .map(open -> "Open period " + open.period() + ": "
                                + (open.orderIssued()
                                        ? "its order is issued (payments send stops to the payroll office)."
                                        : "its order is not issued yet (the next deduction run is " + open.period()
                                                + ")."))
                        .orElse("No open period yet: no deduction run has completed."))
                .append("\n\n");
        PeriodLedger ledger = engine.bean(PeriodLedger.class);
        TextTable states = new TextTable(
                new boolean[] {false, true, true, true, true},
                "contracts",
                "count",
                "outstanding",
                "written off",
                "recovered",
                "");
        for (StateLine state : ledger.contractsByState()) {
            states.add(
                    state.state(),
                    Long.toString(state.count()),
                    Francs.grouped(state.outstandingXof()),
                    Francs.grouped(state.writtenOffXof()),
                    Francs.grouped(state.recoveredXof()),
                    STATES.getOrDefault(state.state(), ""));
        }
        out.append(states.text()).append('\n');
        TextTable refunds = new TextTable(new boolean[] {false, true, true}, "refund items", "count", "amount", "");
        for (RefundLine refund : ledger.refundItemsNow()) {
            refunds.add(
                    refund.status(),
                    Long.toString(refund.count()),
                    Francs.grouped(refund.amountXof()),
                    REFUND_STATUSES.getOrDefault(refund.status(), ""));
        }
        return out.append(refunds.text()).append('\n').toString();
    }

    @Override
    public Integer call() throws Exception {
        try (Engine engine = root.openExistingEngine("status")) {
            List<RunRecord> runs = engine.bean(RunRegistry.class).all();
            if (runs.isEmpty()) {
                System.out.println("No run yet (" + RunSummary.seconds(root.elapsed()) + ").");
                return 0;
            }
            TextTable table = new TextTable(
                    new boolean[] {true, false, false, false, false, false, true, true},
                    "run",
                    "kind",
                    "period",
                    "state",
                    "started",
                    "ended",
                    "read",
                    "rejected",
                    "input / summary");
            for (RunRecord run : runs) {
                table.add(
                        Long.toString(run.runId()),
                        run.kind().label().replace(" run", ""),
                        run.period() == null ? "-" : run.period(),
                        run.state().toString(),
                        Timestamps.toTheSecond(run.startedAt()),
                        run.endedAt() == null ? "-" : Timestamps.toTheSecond(run.endedAt()),
                        Long.toString(run.recordsRead()),
                        Long.toString(run.recordsRejected()),
                        TerminalText.line(run.inputName()
                                + (run.summary() == null ? "" : " | " + run.summary())
                                + (run.message() == null ? "" : " | " + run.message())));
            }
            System.out.print(table.text());
            System.out.print(ledger(engine));
            System.out.println(totals(runs) + " (" + RunSummary.seconds(root.elapsed()) + ").");
            return 0;
        }
    }
}
