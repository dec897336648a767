package org.smartphone.payroll.cli;

import org.smartphone.payroll.run.RunKind;
import picocli.CommandLine.Command;

/** {@code deduct --period YYYY-MM [--file F]}: the deduction run (SPEC 3). */
@Command(
        name = "deduct",
        mixinStandardHelpOptions = true,
        description = "Deduction run: computes what each open contract owes for the period, caps it by what"
                + " the pay can bear, writes the deduction order and the exceptions to outbox/YYYY-MM/."
                + " Reads inbox/payroll-YYYY-MM.csv unless --file names another register.")
final class DeductCommand extends PeriodRunCommand {

    DeductCommand(PayrollCommand root) {
        super(root);
    }

    @Override
    RunKind kind() {
        return RunKind.DEDUCTION;
    }
}
