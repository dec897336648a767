package org.smartphone.payroll.contract;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.smartphone.payroll.ledger.StagingTables;
import org.smartphone.payroll.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The contracts import (SPEC 2) reads the file twice, in the steps {@link StageContracts} and
 * {@link ApplyContracts} wired by {@link ContractImportJobConfiguration}: the first validates every line and
 * records only the lines not to apply (invalid, duplicated, in conflict, too early, or repeats of contracts
 * already imported) in {@code contract_import_skip}; the second reads the file again, whose SHA-256 is the
 * run's, and inserts the other lines straight into {@code contract}, in one transaction that also marks the
 * run committed. No contract row is written twice: staging the whole rows and copying them cost the
 * embedded database as much again as the import itself. This class holds what the steps and
 * {@code abandon} share: the contract columns, and the index on contract.matricule a bulk apply drops.
 */
@Service
public class ContractImport {

    static final String COLUMNS = "contract_id, matricule, full_name, ministry_code, device_model,"
            + " imei, price_xof, down_payment_xof, term_months, first_period, base_installment_xof";

    private static final String MATRICULE_INDEX = "contract_matricule";

    private final JdbcTemplate jdbc;
    private final StagingTables staging;

    public ContractImport(JdbcTemplate jdbc, StagingTables staging) {
        this.jdbc = jdbc;
        this.staging = staging;
    }

    /**
     * Removes what an unfinished import recorded, and restores the index a bulk apply dropped: for
     * {@code abandon}, and after a run refused (exit 2 or 3) once its work was rolled back.
     */
    public void discard(long runId) {
        restoreMatriculeIndex();
        jdbc.update("DELETE FROM contract_import_skip WHERE run_id = ?", runId);
    }

    /** Drops the index on contract.matricule for a bulk apply on H2 ({@link ApplyContracts}). */
    void dropMatriculeIndex() {
        jdbc.execute("DROP INDEX IF EXISTS " + MATRICULE_INDEX);
    }

    /** Builds the index on contract.matricule again if a bulk apply dropped it; idempotent. */
    void restoreMatriculeIndex() {
        if (!staging.isPostgres()) {
            jdbc.execute("CREATE INDEX IF NOT EXISTS " + MATRICULE_INDEX + " ON contract (matricule)");
        }
    }

    /** Reads the contract columns of a result set, in {@link #COLUMNS} order. */
    static final class ContractRows {

        private ContractRows() {}

        static Contract read(ResultSet rs, int first) throws SQLException {
            return new Contract(
                    rs.getString(first),
                    rs.getString(first + 1),
                    rs.getString(first + 2),
                    rs.getString(first + 3),
                    rs.getString(first + 4),
                    rs.getString(first + 5),
                    rs.getLong(first + 6),
                    rs.getLong(first + 7),
                    rs.getInt(first + 8),
                    Period.parse(rs.getString(first + 9)),
                    rs.getLong(first + 10));
        }
    }
}
