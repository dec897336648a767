package org.smartphone.payroll.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.smartphone.payroll.files.InputName;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.revocation.Revocation;
import org.smartphone.payroll.run.AdvisoryLock;
import org.smartphone.payroll.run.PeriodGuard;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunLauncher;
import org.smartphone.payroll.run.RunLock;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code revoke deduct|reconcile --period YYYY-MM --reason TEXT}: undoes the latest completed run (SPEC 6). */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = "Undoes the latest completed deduction or reconciliation run when it was a mistake (the"
                + " wrong file, the wrong month): the ledger returns to its state before the run, its files move to"
                + " outbox/YYYY-MM/revoked-NN/, and its input can be run again. Refused while anything depends on"
                + " the run.")
final class RevokeCommand implements Callable<Integer> {

    /** Enough for a sentence or two; status and the log show it on one line. */
    static final int MAX_REASON = 500;

    private final PayrollCommand root;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "deduct or reconcile")
    private String run;

    @Option(
            names = "--period",
            required = true,
            paramLabel = "YYYY-MM",
            converter = PeriodConverter.class,
            description = "The period of the run to revoke.")
    private Period period;

    @Option(
            names = "--reason",
            required = true,
            paramLabel = "TEXT",
            description = "Why the run is revoked, shown in status (at most " + MAX_REASON + " characters).")
    private String reason;

    RevokeCommand(PayrollCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() throws Exception {
        RunKind kind = switch (run) {
            case "deduct" -> RunKind.DEDUCTION;
            case "reconcile" -> RunKind.RECONCILIATION;
            default ->
                throw new ParameterException(
                        spec.commandLine(), "RUN must be deduct or reconcile, not '" + InputName.escaped(run) + "'");
        };
        String why = checkedReason();
        try (Engine engine = root.openEngine();
                AdvisoryLock lock = engine.bean(RunLock.class).acquire(root.commandLine())) {
            RunRegistry runs = engine.bean(RunRegistry.class);
            RunLauncher launcher = engine.bean(RunLauncher.class);
            Optional<RunRecord> unfinished = runs.unfinishedOfAnyPeriod(RunKind.REVOKE);
            if (unfinished.isPresent()) {
                // the same command finishes it, with the reason it started with; any other is refused
                boolean same = runs.revokedBy(unfinished.get().runId())
                        .filter(revoked ->
                                revoked.kind() == kind && period.toString().equals(revoked.period()))
                        .isPresent();
                if (!same) {
                    engine.bean(PeriodGuard.class).checkNoRevocationUnfinished();
                }
                return RunCommand.report(
                        launcher.resume(RunKind.REVOKE, unfinished.get()), root.log(), System.out, System.err);
            }
            RunRecord revoked = engine.bean(Revocation.class).check(kind, period);
            return RunCommand.report(launcher.revoke(period, revoked, why), root.log(), System.out, System.err);
        }
    }

    /**
     * The reason, trimmed of white space as input cells are (no-break spaces included): not blank, not
     * too long, and on one line, printable (as input names must be).
     */
    private String checkedReason() {
        String trimmed = trimmed(reason);
        if (trimmed.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "--reason must say why the run is revoked; it is" + " shown in status.");
        }
        if (trimmed.length() > MAX_REASON) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--reason is " + trimmed.length() + " characters long;" + " say why in at most " + MAX_REASON
                            + ".");
        }
        if (!InputName.escaped(trimmed).equals(trimmed)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--reason holds a control or invisible formatting"
                            + " character (a tab, a line break; shown here as \\u followed by its code): "
                            + InputName.escaped(trimmed));
        }
        return trimmed;
    }

    private static String trimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
