package org.smartphone.payroll.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.ControlChecks.Check;
import org.smartphone.payroll.report.ControlChecks.Comparison;
import org.smartphone.payroll.report.ControlChecks.Kind;
import org.smartphone.payroll.report.ControlChecks.Outcome;
import org.smartphone.payroll.text.Francs;

/**
 * The control checks at the end of the plain-text report, in English like the rest of it: one line
 * per check, and under a check that did not pass, the figures it compared (both sides, = or ≠
 * between) or what was missing, so that an operator sees a failure without opening the page.
 */
final class ChecksText {

    private ChecksText() {}

    /** @param labels the English words ({@code ReportLabels.of(messages, "en")}) */
    static String of(PeriodFigures figures, List<Check> checks, ReportLabels labels) {
        Period period = figures.period();
        StringBuilder out = new StringBuilder("\nControl checks\n");
        for (Check check : checks) {
            out.append(String.format(
                    "  %s  %-13s  %s%n",
                    check.kind().letter(), outcome(check.outcome()), labels.check(check.kind(), period)));
            if (check.outcome() == Outcome.PASS) {
                continue;
            }
            for (Comparison comparison : check.comparisons()) {
                out.append(figure(
                        " ",
                        labels.quantity(comparison.left(), period),
                        comparison.left().amount(),
                        comparison.leftValue()));
                out.append(figure(
                        comparison.agrees() ? "=" : "\u2260",
                        labels.quantity(comparison.right(), period),
                        comparison.right().amount(),
                        comparison.rightValue()));
            }
            for (Reading<?> gap : check.gaps()) {
                out.append("       ")
                        .append(
                                gap.problem() == Reading.Problem.MISSING
                                        ? labels.missing(gap.source())
                                        : labels.unreadable(gap.source(), gap.line(), gap.column()))
                        .append('\n');
            }
            if (check.kind() == Kind.FILE_DIGESTS) {
                for (FileDigest digest : sealed(figures)) {
                    if (ControlChecks.digest(digest) == Outcome.FAIL) {
                        out.append("       ")
                                .append(digest.folder())
                                .append('/')
                                .append(digest.file())
                                .append(": recomputed ")
                                .append(digest.recomputed())
                                .append(", sealed ")
                                .append(digest.recorded())
                                .append(digest.manifest() == null ? "" : ", manifest " + digest.manifest())
                                .append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static List<FileDigest> sealed(PeriodFigures figures) {
        List<FileDigest> sealed = new ArrayList<>(figures.inputs());
        figures.outputs().stream().filter(d -> d.seal() != FileDigest.Seal.NONE).forEach(sealed::add);
        return sealed;
    }

    private static String figure(String relation, String label, boolean amount, long value) {
        return String.format("     %s %-62s %15s%n", relation, label, amount ? Francs.of(value) : Long.toString(value));
    }

    private static String outcome(Outcome outcome) {
        return outcome.name().replace('_', ' ').toUpperCase(Locale.ROOT);
    }
}
