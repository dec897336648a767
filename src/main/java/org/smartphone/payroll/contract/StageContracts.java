package org.smartphone.payroll.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code stageContracts} of the contracts import (SPEC 2): validates every line, finds the
 * contract_ids repeated in the file and checks the rest against the ledger ({@link LedgerCheck}), writes
 * the errors file, and records only the lines not to apply in {@code contract_import_skip}.
 */
@Component
class StageContracts implements Work {

    /** A contract_id twice in one file makes all its lines invalid (SPEC 2). */
    private static final DuplicateKeys DUPLICATES =
            new DuplicateKeys("contract_id", "this file", "none of these lines is imported.");

    /** Written last by a stage step that completed: the apply step refuses a run without it. */
    static final long STAGED_MARK = 0;

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;

    StageContracts(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
    }

    /** Reads and validates the whole file, recording the lines not to apply; fails with exit 2 past max-rejects. */
    @Override
    public long run(RunContext run) {
        jdbc.update("DELETE FROM contract_import_skip WHERE run_id = ?", run.runId());
        ContractParser parser = new ContractParser(run.roundingUnit(), run.defaultTerm());
        ContractIdLines ids = new ContractIdLines();
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            // a line whose contract_id is repeated gets only that error, not its conflicts with the ledger
            LedgerCheck ledger = new LedgerCheck(
                    jdbc, runs.lastDeductedOrInProgress(), settings.batchSize(), invalid::addUnlessRepeated);
            long records = InputStaging.read(
                    run,
                    invalid,
                    ContractParser.REQUIRED,
                    ContractParser.OPTIONAL,
                    "contract_id",
                    id -> true,
                    (record, cells) -> parser.parse(cells)
                            .map(c -> {
                                ids.add(c.contractId(), record.line());
                                ledger.check(record.line(), c);
                                return true;
                            })
                            .orElse(false));
            ledger.flush();
            ids.repeatedLines(invalid::carrier);
            invalid.rejectRepeats(DUPLICATES, ids);
            invalid.settle(run, runs, records);
            recordSkipped(run.runId(), invalid, ledger.repeats().sortedDistinct());
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the lines the apply step skips, in ascending order: the invalid ones, the repeats of
     * contracts already imported, and the mark that the stage step completed.
     */
    private void recordSkipped(long runId, InvalidLines invalid, long[] repeats) {
        try (RowBatch batch = new RowBatch(
                jdbc, "INSERT INTO contract_import_skip (run_id, line) VALUES (?, ?)", settings.batchSize())) {
            batch.add(runId, STAGED_MARK);
            int[] next = {0};
            invalid.forEachLine(line -> {
                while (next[0] < repeats.length && repeats[next[0]] <= line) {
                    if (repeats[next[0]] < line) {
                        batch.add(runId, repeats[next[0]]);
                    }
                    next[0]++;
                }
                batch.add(runId, line);
            });
            for (int i = next[0]; i < repeats.length; i++) {
                batch.add(runId, repeats[i]);
            }
        }
    }
}
