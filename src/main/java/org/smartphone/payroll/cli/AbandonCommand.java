package org.smartphone.payroll.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.smartphone.payroll.contract.ContractImport;
import org.smartphone.payroll.deduction.DeductionRun;
import org.smartphone.payroll.payment.PaymentsRun;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.reconciliation.ReconciliationRun;
import org.smartphone.payroll.refund.RefundConfirmations;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code abandon <import-contracts|deduct|reconcile|record-payments|refunds confirm> [--period YYYY-MM]}: discards an
 * interrupted run.
 */
@Command(
        name = "abandon",
        mixinStandardHelpOptions = true,
        description = "Discards an interrupted run that has not reached the ledger, so that another file can be"
                + " used for it. A run already in the ledger cannot be abandoned: the same command finishes it.")
final class AbandonCommand implements Callable<Integer> {

    private final PayrollCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(
            arity = "1..2",
            paramLabel = "RUN",
            description = "import-contracts, deduct, reconcile, record-payments or refunds confirm")
    private List<String> words;

    @Option(
            names = "--period",
            paramLabel = "YYYY-MM",
            converter = PeriodConverter.class,
            description = "The period of the deduct or reconcile run.")
    private Period period;

    AbandonCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        String run = String.join(" ", words);
        RunKind kind = switch (run) {
            case "import-contracts" -> RunKind.IMPORT;
            case "refunds confirm" -> RunKind.REFUNDS_CONFIRM;
            case "deduct" -> RunKind.DEDUCTION;
            case "reconcile" -> RunKind.RECONCILIATION;
            case "record-payments" -> RunKind.PAYMENTS;
            default ->
                throw new ParameterException(
                        spec.commandLine(),
                        "RUN must be import-contracts, deduct, reconcile, record-payments or refunds confirm, not '"
                                + run + "'");
        };
        boolean periodic = kind == RunKind.DEDUCTION || kind == RunKind.RECONCILIATION;
        if (periodic && period == null) {
            throw new ParameterException(spec.commandLine(), "abandon " + run + " needs --period YYYY-MM");
        }
        try (Engine engine = root.openEngine();
                AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
            RunRegistry runs = engine.bean(RunRegistry.class);
            Runnable discard = switch (kind) {
                case IMPORT ->
                    () -> runs.unfinishedOfAnyPeriod(RunKind.IMPORT)
                            .ifPresent(r -> engine.bean(ContractImport.class).discard(r.runId()));
                case DEDUCTION -> () -> engine.bean(DeductionRun.class).discard(period);
                case RECONCILIATION ->
                    () -> engine.bean(ReconciliationRun.class).discard(period);
                case PAYMENTS ->
                    () -> runs.unfinishedOfAnyPeriod(RunKind.PAYMENTS)
                            .ifPresent(r -> engine.bean(PaymentsRun.class).discard(r.runId()));
                case REFUNDS_CONFIRM ->
                    () -> runs.unfinishedOfAnyPeriod(RunKind.REFUNDS_CONFIRM)
                            .ifPresent(
                                    r -> engine.bean(RefundConfirmations.class).discard(r.runId()));
                default -> throw new IllegalStateException("a " + kind.label() + " is finished by running it again");
            };
            System.out.println(
                    TerminalText.line(engine.bean(RunLauncher.class).abandon(kind, periodic ? period : null, discard)));
            return 0;
        }
    }
}
