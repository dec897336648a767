package org.smartphone.payroll.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRecord;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code stagePayments} of the payments run (SPEC 7.1): reads and validates the whole file,
 * checks its lines against the ledger ({@link PaymentCheck}), rejects the keys repeated in the file, and
 * stages the lines to record (and those already recorded, as skipped) in {@code payment_entry}. One
 * transaction, redone whole on resume until the run is committed; past max-rejects, exit 2.
 */
@Component
class StagePayments implements Work {

    /** A (channel, payment_ref) twice in one file makes all its lines invalid (SPEC 7.1). */
    private static final DuplicateKeys DUPLICATES =
            new DuplicateKeys("payment_ref", "this file", "none of these lines is recorded.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;

    StagePayments(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        jdbc.update("DELETE FROM payment_entry WHERE run_id = ?", run.runId());
        // "not after the day the run starts": the first attempt's day, so that a resumed run reads the same
        LocalDate today = runs.find(run.runId())
                .map(RunRecord::startedAt)
                .map(started -> started.toLocalDate())
                .orElseGet(LocalDate::now);
        PaymentParser parser = new PaymentParser(today);
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            long records;
            try (PaymentCheck check =
                    new PaymentCheck(jdbc, run.runId(), settings.batchSize(), invalid::addUnlessRepeated)) {
                records = InputStaging.read(
                        run,
                        invalid,
                        PaymentParser.REQUIRED,
                        PaymentParser.OPTIONAL,
                        "payment_ref",
                        key -> false, // the key is two cells: the lines carrying it are given below
                        (record, cells) -> {
                            PaymentParser.Parsed parsed = parser.parse(cells);
                            parsed.key().ifPresent(key -> invalid.carrier(key, record.line()));
                            parsed.line().ifPresent(check::check);
                            return parsed.line().isPresent();
                        });
            }
            try (RowBatch unstaged = new RowBatch(
                    jdbc, "DELETE FROM payment_entry WHERE run_id = ? AND line = ?", settings.batchSize())) {
                invalid.rejectRepeats(DUPLICATES, new DuplicateKeys.KeptLines() {
                    @Override
                    public long keptLine(String key) {
                        return 0; // every line carrying a key was given as a carrier
                    }

                    @Override
                    public void rejected(String key, long line) {
                        unstaged.add(run.runId(), line); // when it was staged
                    }
                });
            }
            invalid.settle(run, runs, records);
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
