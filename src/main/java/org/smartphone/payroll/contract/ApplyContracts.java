package org.smartphone.payroll.contract;

import static org.smartphone.payroll.contract.StageContracts.STAGED_MARK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.files.Cells;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.InputRecord;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code applyContracts} of the contracts import (SPEC 2): applies the file's new contracts
 * to the ledger, once: the run is marked committed in the same transaction. The file is the one the
 * stage step read (same SHA-256), read with the settings the run started with, so every line it did
 * not skip parses again into the same contract.
 */
@Component
class ApplyContracts implements Work {

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final StagingTables staging;
    private final LedgerStatistics statistics;
    private final ContractImport contracts;
    private final long bulkRows;

    /**
     * @param bulkRows on H2, an import of at least this many new contracts, and at least as many as the
     *     ledger holds, inserts them without the index on contract.matricule and builds it afterwards
     */
    ApplyContracts(
            JdbcTemplate jdbc,
            RunRegistry runs,
            PayrollSettings settings,
            StagingTables staging,
            LedgerStatistics statistics,
            ContractImport contracts,
            @Value("${payroll.bulk-import-rows:100000}") long bulkRows) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.staging = staging;
        this.statistics = statistics;
        this.contracts = contracts;
        this.bulkRows = bulkRows;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        LineList recorded = new LineList();
        jdbc.query(
                "SELECT line FROM contract_import_skip WHERE run_id = ?",
                rs -> {
                    recorded.add(rs.getLong(1));
                },
                run.runId());
        long[] skipped = recorded.sortedDistinct();
        if (skipped.length == 0 || skipped[0] != STAGED_MARK) {
            throw new RefusedException("The contracts import of " + run.inputName() + " (run " + run.runId()
                    + ") was validated by an earlier version of the engine; discard it with 'abandon"
                    + " import-contracts' and run import-contracts again.");
        }
        long toInsert = runs.find(run.runId()).orElseThrow().recordsRead() - (skipped.length - 1);
        if (insertsInBulk(toInsert)) {
            contracts.dropMatriculeIndex();
        }
        ContractParser parser = new ContractParser(run.roundingUnit(), run.defaultTerm());
        long inserted = 0;
        try (CsvInputFile file = CsvInputFile.open(
                        run.input(), !run.fromInbox(), ContractParser.REQUIRED, ContractParser.OPTIONAL);
                Progress progress =
                        Progress.start("importing " + run.inputName(), Files.size(run.input()), file::bytesRead);
                RowBatch batch = new RowBatch(
                        jdbc,
                        "INSERT INTO contract (" + ContractImport.COLUMNS
                                + ", import_run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        settings.batchSize());
                RowBatch balances = new RowBatch(
                        jdbc,
                        "INSERT INTO contract_balance (contract_id, financed_xof," + " collected_xof) VALUES (?, ?, 0)",
                        settings.batchSize())) {
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
                batch.add(
                        c.contractId(),
                        c.matricule(),
                        c.fullName(),
                        c.ministryCode(),
                        c.deviceModel(),
                        c.imei(),
                        c.priceXof(),
                        c.downPaymentXof(),
                        c.termMonths(),
                        c.firstPeriod().toString(),
                        c.baseInstallmentXof(),
                        run.runId());
                balances.add(c.contractId(), c.financedXof());
                inserted++;
            }
            run.checkReadAsStarted(file); // before the commit: a file changed since the stage step is refused
        } catch (InputFileException e) {
            throw new IllegalStateException(
                    run.inputName() + " was valid when it was checked and is not now: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        statistics.refresh("contract", "contract_balance");
        runs.recordSummary(run.runId(), Counted.of(inserted, "contract") + " imported");
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return inserted;
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
}
