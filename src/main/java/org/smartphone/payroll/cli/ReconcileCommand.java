package org.smartphone.payroll.cli;

import org.smartphone.payroll.run.RunKind;
import picocli.CommandLine.Command;

/** {@code reconcile --period YYYY-MM [--file F]}: the reconciliation run (SPEC 4). */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = "Reconciliation run: compares the withholding return with the deduction order, posts what"
                + " was withheld, writes the reconciliation and arrears files to outbox/YYYY-MM/."
                + " Reads inbox/withheld-YYYY-MM.csv unless --file names another return.")
final class ReconcileCommand extends PeriodRunCommand {

    ReconcileCommand(PayrollCommand root) {
        super(root);
    }

    @Override
    RunKind kind() {
        return RunKind.RECONCILIATION;
    }
}
