package org.smartphone.payroll.contract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.run.RowBatch;
import org.smartphone.payroll.run.DuplicateKeys;
import org.smartphone.payroll.run.InputStaging;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.StagingTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The contracts import (SPEC 2): valid lines are staged under the run, checked against each other
 * and against the contracts already imported, then applied in one transaction.
 */
@Service
public class ContractImport {

    private static final String STAGED_COLUMNS = "contract_id, matricule, full_name, ministry_code, device_model,"
            + " imei, price_xof, down_payment_xof, term_months, first_period, base_installment_xof";

    private static final DuplicateKeys DUPLICATES = new DuplicateKeys("staged_contract", "run_id", "contract_id",
            "this file", "none of these lines is imported.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final StagingTables staging;

    public ContractImport(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home,
            StagingTables staging) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.staging = staging;
    }

    /** Reads and validates the whole file, staging valid contracts; fails with exit 2 past max-rejects. */
    public long stage(RunContext run) {
        run.checkInputUnchanged();
        jdbc.update("DELETE FROM staged_contract WHERE run_id = ?", run.runId());
        ContractParser parser = new ContractParser(run.roundingUnit(), run.defaultTerm());
        InputStaging.Read read;
        try (RowBatch batch = new RowBatch(jdbc, "INSERT INTO staged_contract (run_id, line, " + STAGED_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", settings.batchSize())) {
            read = InputStaging.read(run, home.rejected(), ContractParser.REQUIRED, ContractParser.OPTIONAL,
                    "contract_id", id -> true, (record, cells) -> parser.parse(cells).map(c -> {
                        batch.add(run.runId(), record.line(), c.contractId(), c.matricule(), c.fullName(),
                                c.ministryCode(), c.deviceModel(), c.imei(), c.priceXof(), c.downPaymentXof(),
                                c.termMonths(), c.firstPeriod().toString(), c.baseInstallmentXof());
                        return true;
                    }).orElse(false));
        }
        read.errors().addAll(DUPLICATES.reject(jdbc, run.runId(), read.invalidLinesByKey()));
        read.errors().addAll(rejectConflictsAndDropRepeats(run.runId()));
        runs.lastDeductedOrInProgress().ifPresent(last -> read.errors().addAll(rejectTooEarly(run.runId(), last)));
        read.settle(run, runs, home.rejected());
        return read.records();
    }

    /** Applies the staged contracts to the ledger, once: the run is marked committed in the same transaction. */
    public long apply(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        int inserted = jdbc.update("INSERT INTO contract (" + STAGED_COLUMNS + ", collected_xof, import_run_id)"
                + " SELECT " + STAGED_COLUMNS + ", 0, run_id FROM staged_contract WHERE run_id = ?", run.runId());
        runs.recordSummary(run.runId(), inserted + " contract(s) imported");
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return inserted;
    }

    /** Empties the staged contracts once the run is committed (first thing of the archive step). */
    public void clearStaged(RunContext run) {
        staging.clear("staged_contract", "run_id", run.runId());
    }

    /** Removes what an unfinished import staged (for {@code abandon}). */
    public void discard(long runId) {
        jdbc.update("DELETE FROM staged_contract WHERE run_id = ?", runId);
    }


    /**
     * A contract already imported with the same values is a no-op; with different values it is a
     * conflict (SPEC 2).
     */
    private List<InputError> rejectConflictsAndDropRepeats(long runId) {
        List<InputError> errors = new ArrayList<>();
        List<Long> repeats = new ArrayList<>();
        jdbc.query("SELECT s.line, " + prefixed("s") + ", " + prefixed("c") + " FROM staged_contract s"
                + " JOIN contract c ON c.contract_id = s.contract_id WHERE s.run_id = ?", rs -> {
                    Contract staged = ContractRows.read(rs, 2);
                    Contract existing = ContractRows.read(rs, 2 + ContractRows.COLUMN_COUNT);
                    long line = rs.getLong(1);
                    if (staged.sameTermsAs(existing)) {
                        repeats.add(line);
                    } else {
                        errors.add(new InputError(line, "contract_id", staged.contractId(), "The contract "
                                + staged.contractId() + " was already imported with different values;"
                                + " contracts cannot be amended."));
                    }
                }, runId);
        for (InputError error : errors) {
            repeats.add(error.line());
        }
        jdbc.batchUpdate("DELETE FROM staged_contract WHERE run_id = ? AND line = ?", repeats, 1000,
                (ps, line) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, line);
                });
        return errors;
    }

    /**
     * A new contract must start after the last deducted period, or its first installment could
     * never be instructed (SPEC 2). Checked after repeats are dropped: re-sending a contract
     * already imported stays a no-op.
     */
    private List<InputError> rejectTooEarly(long runId, Period lastDeducted) {
        List<InputError> errors = jdbc.query("SELECT line, first_period FROM staged_contract WHERE run_id = ?"
                + " AND first_period <= ? ORDER BY line", (rs, i) -> new InputError(rs.getLong(1), "first_period",
                        rs.getString(2), "The first installment must fall after " + lastDeducted
                                + ", the last period already deducted; enrol the contract with "
                                + lastDeducted.plusMonths(1) + "."), runId, lastDeducted.toString());
        jdbc.update("DELETE FROM staged_contract WHERE run_id = ? AND first_period <= ?", runId,
                lastDeducted.toString());
        return errors;
    }

    private static String prefixed(String alias) {
        return alias + "." + STAGED_COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** Reads the contract columns of a result set, in {@link #STAGED_COLUMNS} order. */
    static final class ContractRows {

        static final int COLUMN_COUNT = 11;

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
