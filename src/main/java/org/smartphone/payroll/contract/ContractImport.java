package org.smartphone.payroll.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.InputRecord;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.run.DuplicateKeys;
import org.smartphone.payroll.run.InputStaging;
import org.smartphone.payroll.run.InvalidLines;
import org.smartphone.payroll.run.LedgerStatistics;
import org.smartphone.payroll.run.RefusedException;
import org.smartphone.payroll.run.RowBatch;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.StagingTables;
import org.smartphone.payroll.text.Counted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The contracts import (SPEC 2) in two readings of the file. The stage step validates every line,
 * finds the contract_ids repeated in the file and checks the rest against the ledger, writes the
 * errors file, and records only the lines not to apply (invalid, duplicated, in conflict, too early, or
 * repeats of contracts already imported) in {@code contract_import_skip}. The apply step reads the
 * file again, whose SHA-256 is the run's, and inserts the other lines straight into {@code contract},
 * in one transaction that also marks the run committed. No contract row is written twice: staging
 * the whole rows and copying them cost the embedded database as much again as the import itself.
 */
@Service
public class ContractImport {

    static final String COLUMNS = "contract_id, matricule, full_name, ministry_code, device_model,"
            + " imei, price_xof, down_payment_xof, term_months, first_period, base_installment_xof";

    /** A contract_id twice in one file makes all its lines invalid (SPEC 2). */
    private static final DuplicateKeys DUPLICATES = new DuplicateKeys("contract_id", "this file",
            "none of these lines is imported.");

    /** Written last by a stage step that completed: the apply step refuses a run without it. */
    private static final long STAGED_MARK = 0;

    private static final String MATRICULE_INDEX = "contract_matricule";

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final StagingTables staging;
    private final LedgerStatistics statistics;
    private final long bulkRows;

    /**
     * @param bulkRows on H2, an import of at least this many new contracts, and at least as many as the
     *     ledger holds, inserts them without the index on contract.matricule and builds it afterwards
     */
    public ContractImport(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home,
            StagingTables staging, LedgerStatistics statistics,
            @Value("${payroll.bulk-import-rows:100000}") long bulkRows) {
        this.bulkRows = bulkRows;
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.staging = staging;
        this.statistics = statistics;
    }

    /** Reads and validates the whole file, recording the lines not to apply; fails with exit 2 past max-rejects. */
    public long stage(RunContext run) {
        jdbc.update("DELETE FROM contract_import_skip WHERE run_id = ?", run.runId());
        ContractParser parser = new ContractParser(run.roundingUnit(), run.defaultTerm());
        ContractIdLines ids = new ContractIdLines();
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            // a line whose contract_id is repeated gets only that error, not its conflicts with the ledger
            LedgerCheck ledger = new LedgerCheck(jdbc, runs.lastDeductedOrInProgress(), settings.batchSize(),
                    invalid::addUnlessRepeated);
            long records = InputStaging.read(run, invalid, ContractParser.REQUIRED, ContractParser.OPTIONAL,
                    "contract_id", id -> true, (record, cells) -> parser.parse(cells).map(c -> {
                        ids.add(c.contractId(), record.line());
                        ledger.check(record.line(), c);
                        return true;
                    }).orElse(false));
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
        try (RowBatch batch = new RowBatch(jdbc, "INSERT INTO contract_import_skip (run_id, line) VALUES (?, ?)",
                settings.batchSize())) {
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

    /**
     * Applies the file's new contracts to the ledger, once: the run is marked committed in the same
     * transaction. The file is the one the stage step read (same SHA-256), read with the settings the
     * run started with, so every line it did not skip parses again into the same contract.
     */
    public long apply(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        LineList recorded = new LineList();
        jdbc.query("SELECT line FROM contract_import_skip WHERE run_id = ?", rs -> {
            recorded.add(rs.getLong(1));
        }, run.runId());
        long[] skipped = recorded.sortedDistinct();
        if (skipped.length == 0 || skipped[0] != STAGED_MARK) {
            throw new RefusedException("The contracts import of " + run.inputName() + " (run " + run.runId()
                    + ") was validated by an earlier version of the engine; discard it with 'abandon"
                    + " import-contracts' and run import-contracts again.");
        }
        long toInsert = runs.find(run.runId()).orElseThrow().recordsRead() - (skipped.length - 1);
        if (insertsInBulk(toInsert)) {
            jdbc.execute("DROP INDEX IF EXISTS " + MATRICULE_INDEX);
        }
        ContractParser parser = new ContractParser(run.roundingUnit(), run.defaultTerm());
        long inserted = 0;
        try (CsvInputFile file = CsvInputFile.open(run.input(), !run.fromInbox(), ContractParser.REQUIRED,
                ContractParser.OPTIONAL);
                Progress progress = Progress.start("importing " + run.inputName(), Files.size(run.input()),
                        file::bytesRead);
                RowBatch batch = new RowBatch(jdbc, "INSERT INTO contract (" + COLUMNS
                        + ", import_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", settings.batchSize());
                RowBatch balances = new RowBatch(jdbc, "INSERT INTO contract_balance (contract_id, financed_xof,"
                        + " collected_xof) VALUES (?, ?, 0)", settings.batchSize())) {
            int next = 1;
            InputRecord record;
            while ((record = file.next()) != null) {
                progress.row();
                long line = record.line();
                while (next < skipped.length && skipped[next] < line) {
                    next++;
                }
                if (next < skipped.length && skipped[next] == line) {
                    continue;
                }
                Optional<Contract> parsed = parser.parse(new Cells(record));
                if (parsed.isEmpty()) {
                    run.checkReadAsStarted(file); // refused with exit 2 when the file changed since it was checked
                    throw new IllegalStateException("line " + line + " of " + run.inputName()
                            + " was valid when the file was checked and is not now");
                }
                Contract c = parsed.get();
                batch.add(c.contractId(), c.matricule(), c.fullName(), c.ministryCode(), c.deviceModel(), c.imei(),
                        c.priceXof(), c.downPaymentXof(), c.termMonths(), c.firstPeriod().toString(),
                        c.baseInstallmentXof(), run.runId());
                balances.add(c.contractId(), c.financedXof());
                inserted++;
            }
            run.checkReadAsStarted(file); // before the commit: a file changed since the stage step is refused
        } catch (InputFileException e) {
            throw new IllegalStateException(run.inputName() + " was valid when it was checked and is not now: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        statistics.refresh("contract", "contract_balance");
        runs.recordSummary(run.runId(), Counted.of(inserted, "contract") + " imported");
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return inserted;
    }

    /**
     * Builds the index on contract.matricule again if a bulk apply dropped it, and empties the run's
     * skipped lines, once the run is committed (first thing of the archive step). Both are idempotent.
     */
    public void clearStaged(RunContext run) {
        restoreMatriculeIndex();
        staging.clear("contract_import_skip", "run_id", run.runId());
    }

    /**
     * Removes what an unfinished import recorded, and restores the index a bulk apply dropped: for
     * {@code abandon}, and after a run refused (exit 2 or 3) once its work was rolled back.
     */
    public void discard(long runId) {
        restoreMatriculeIndex();
        jdbc.update("DELETE FROM contract_import_skip WHERE run_id = ?", runId);
    }

    /**
     * Whether to insert without the index on contract.matricule (H2 only). H2 inserts into that index
     * in random order (contract files come in contract_id order), which costs more with every row once
     * the index outgrows H2's cache; inserting without it and building it afterwards from the sorted
     * rows is several times faster at scale (docs/design.md, The contracts import reads its file twice).
     * PostgreSQL keeps it.
     * Dropping an index is DDL, which commits the open transaction on H2: harmless here, as the apply
     * step has written nothing yet when it does so.
     */
    private boolean insertsInBulk(long toInsert) {
        if (staging.isPostgres() || toInsert < bulkRows) {
            return false;
        }
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM contract", Long.class);
        return existing != null && toInsert >= existing;
    }

    private void restoreMatriculeIndex() {
        if (!staging.isPostgres()) {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + MATRICULE_INDEX + " ON contract (matricule)");
        }
    }

    /** Reads the contract columns of a result set, in {@link #COLUMNS} order. */
    static final class ContractRows {

        private ContractRows() {
        }

        static Contract read(ResultSet rs, int first) throws SQLException {
            return new Contract(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                    rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getLong(first + 6),
                    rs.getLong(first + 7), rs.getInt(first + 8), Period.parse(rs.getString(first + 9)),
                    rs.getLong(first + 10));
        }
    }
}
