package org.smartphone.payroll.schedule;

import java.io.File;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.RunKind;

/**
 * A file in the inbox that {@code serve} runs, and the run it calls for: {@code contracts*.csv} an
 * import, {@code payroll-YYYY-MM.csv} the deduction run of that month, {@code withheld-YYYY-MM.csv}
 * its reconciliation (SPEC 5, {@link InboxName}), {@code payments*.csv} a payments run (SPEC 7.1),
 * {@code refunds-paid*.csv} a confirmation of refunds paid (SPEC 7.2). Any other name, {@code *.part},
 * {@code *.tmp} and the engine's own {@code *.errors.csv} and {@code *.reason.txt} included, is not one.
 *
 * @param period the month of a deduction or reconciliation; null for contracts
 */
record InboxFile(Path path, RunKind kind, Period period) {

    /**
     * The order the monthly cycle needs when several files wait at once (SPEC 7.7): contracts first (by
     * name), then month after month, the deduction run of a month before its reconciliation, then
     * payments, then refunds paid (each by name).
     */
    static final Comparator<InboxFile> CYCLE_ORDER = Comparator.comparingInt(InboxFile::group)
            .thenComparing(InboxFile::period, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(InboxFile::kind)
            .thenComparing(InboxFile::name);

    /** The same order over plain files, for the inbox adapter's queue; other names come last. */
    static final Comparator<File> FILE_ORDER = (a, b) -> {
        Optional<InboxFile> left = of(a.toPath());
        Optional<InboxFile> right = of(b.toPath());
        if (left.isPresent() && right.isPresent()) {
            return CYCLE_ORDER.compare(left.get(), right.get());
        }
        return left.isPresent() ? -1 : right.isPresent() ? 1 : a.getName().compareTo(b.getName());
    };

    static Optional<InboxFile> of(Path path) {
        return InboxName.parse(path.getFileName().toString())
                .map(name -> new InboxFile(path, name.kind(), name.period()));
    }

    /**
     * Contracts, then the monthly files, then the files of SPEC 7 in the order of SPEC 7.7 (supplements,
     * actions, payments, refunds paid).
     */
    private int group() {
        return switch (kind) {
            case IMPORT -> 0;
            case DEDUCTION, RECONCILIATION -> 1;
            default -> 2;
        };
    }

    String name() {
        return path.getFileName().toString();
    }

    /** The command that runs this file by hand, to name it in messages. */
    String command() {
        return switch (kind) {
            case IMPORT -> "import-contracts --file " + path;
            case DEDUCTION -> "deduct --period " + period;
            case RECONCILIATION -> "reconcile --period " + period;
            default -> kind.command() + " --file " + path;
        };
    }
}
