package org.smartphone.payroll.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.failure.Failures;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.report.PeriodReport;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunState;

/**
 * The period report that serve writes when a month's reconciliation completes: the same page as
 * {@code report --period M} ({@link PeriodReport}, {@code outbox/M/report-M.html}). The report is not
 * part of the run: one that cannot be written is logged and tried again at each poll until it is,
 * and the reconciliation stands. A serve started again writes the report of the latest reconciled
 * month when it was not written since (serve stopped or was killed before writing it).
 */
final class PeriodReports {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodReports.class);

    private final PeriodReport report;
    private final RunRegistry runs;
    private final Home home;
    /** The months whose report is still to write, with the last failure said (null before the first try). */
    private final Map<Period, String> pending = new ConcurrentSkipListMap<>();

    PeriodReports(PeriodReport report, RunRegistry runs, Home home) {
        this.report = report;
        this.runs = runs;
        this.home = home;
    }

    /** A reconciliation of {@code period} completed: its report is written now. */
    void reconciled(Period period) {
        pending.put(period, "");
        writePending();
    }

    /**
     * At serve's start: the latest reconciled month's report, if it was not written since that
     * reconciliation ended (serve stopped before writing it, or the month was reconciled by the command).
     */
    void catchUp() {
        Optional<RunRecord> latest = runs.all().stream()
                .filter(run -> run.kind() == RunKind.RECONCILIATION && run.state() == RunState.COMPLETED)
                .max(Comparator.comparing(RunRecord::period));
        latest.filter(run -> !writtenSince(run))
                .map(run -> Period.parse(run.period()))
                .ifPresent(this::reconciled);
    }

    private boolean writtenSince(RunRecord run) {
        Path page = home.outbox(Period.parse(run.period())).resolve("report-" + run.period() + ".html");
        try {
            LocalDateTime written =
                    LocalDateTime.ofInstant(Files.getLastModifiedTime(page).toInstant(), ZoneId.systemDefault());
            return run.endedAt() != null && !written.isBefore(run.endedAt());
        } catch (IOException missing) {
            return false;
        }
    }

    /** Writes the reports still to write, in month order; a failure is said once until it changes. */
    void writePending() {
        for (Map.Entry<Period, String> entry : pending.entrySet()) {
            Period period = entry.getKey();
            try {
                PeriodReport.Written written = report.write(period);
                pending.remove(period);
                if (written.failed().isEmpty()) {
                    LOG.info("Report of {} written to {}.", period, written.html());
                } else {
                    LOG.warn(
                            "Report of {} written to {}: {} control check(s) FAILED ({}).",
                            period,
                            written.html(),
                            written.failed().size(),
                            written.failed().stream()
                                    .map(c -> c.kind().letter())
                                    .collect(Collectors.joining(", ")));
                }
            } catch (Exception e) {
                String failure = Failures.describe(e);
                if (!failure.equals(entry.getValue())) {
                    LOG.error(
                            "The report of {} could not be written: {}. The reconciliation stands; serve tries"
                                    + " again at each poll (report --period {} writes it too).",
                            period,
                            failure,
                            period);
                }
                pending.put(period, failure);
            }
        }
    }
}
