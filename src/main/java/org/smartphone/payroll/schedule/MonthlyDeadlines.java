package org.smartphone.payroll.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.run.InboxName;
import org.smartphone.payroll.run.RunKind;
import org.smartphone.payroll.run.RunRegistry;

/**
 * The monthly deadlines of the schedule: at the deduction deadline (a cron setting, the 20th by
 * default) the deduction run of the current month must have run, and at the reconciliation deadline
 * (the 10th) the reconciliation of the month before. At a deadline: a run already completed needs
 * nothing; a file in the inbox is run now; a run interrupted is left to {@code serve}'s resumption;
 * otherwise the file is late: a WARN line naming it and the counter {@code payroll.files.late}.
 */
final class MonthlyDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(MonthlyDeadlines.class);

    /** What a deadline found. */
    enum Finding {
        DONE,
        RUN,
        UNFINISHED,
        LATE
    }

    private final Clock clock;
    private final Home home;
    private final RunRegistry runs;
    private final InboxRunner runner;
    private final MeterRegistry meters;
    private final Duration settleTime;

    MonthlyDeadlines(
            Clock clock, Home home, RunRegistry runs, InboxRunner runner, MeterRegistry meters, Duration settleTime) {
        this.clock = clock;
        this.home = home;
        this.runs = runs;
        this.runner = runner;
        this.meters = meters;
        this.settleTime = settleTime;
    }

    /** The deduction deadline: the month of today's date, on the clock's time zone. */
    Finding deductionDeadline() {
        return check(RunKind.DEDUCTION, currentPeriod());
    }

    /** The reconciliation deadline: the month before today's, whose pay has been paid meanwhile. */
    Finding reconciliationDeadline() {
        return check(RunKind.RECONCILIATION, currentPeriod().plusMonths(-1));
    }

    private Period currentPeriod() {
        YearMonth month = YearMonth.now(clock);
        return new Period(month.getYear(), month.getMonthValue());
    }

    Finding check(RunKind kind, Period period) {
        String run = kind.label() + " for " + period;
        if (runs.isCompleted(kind, period)) {
            LOG.info("Deadline of the {}: done.", run);
            return Finding.DONE;
        }
        Path file = home.inbox().resolve(InboxName.of(kind, period));
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) { // as the watcher: never a link (RegularFileFilter)
            if (isSettled(file)) {
                LOG.info("Deadline of the {}: {} is in the inbox, running it.", run, file.getFileName());
                runner.run(file.toFile());
            } else {
                LOG.info(
                        "Deadline of the {}: {} is still being written; it runs once complete.",
                        run,
                        file.getFileName());
            }
            return Finding.RUN;
        }
        if (runs.unfinished(kind, period).isPresent()) {
            LOG.info("Deadline of the {}: the run was interrupted and serve resumes it.", run);
            return Finding.UNFINISHED;
        }
        LOG.warn(
                "LATE: {} has not arrived in {} by the deadline of the {}; that run waits for it.",
                file.getFileName(),
                home.inbox(),
                run);
        Counter.builder("payroll.files.late")
                .description("Input files not in the inbox at their deadline, per kind of run and period")
                .tag("kind", kind == RunKind.DEDUCTION ? "deduction" : "reconciliation")
                .tag("period", period.toString())
                .register(meters)
                .increment();
        return Finding.LATE;
    }

    /** File times are the file system's: they are compared with the real time, not the schedule's clock. */
    private boolean isSettled(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(settleTime).isBefore(java.time.Instant.now());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
