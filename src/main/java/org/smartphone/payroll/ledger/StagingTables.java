package org.smartphone.payroll.ledger;

import org.smartphone.payroll.config.DatabaseDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Empties the staging tables (contract_import_skip, return_entry) once their run has
 * reached the ledger, and tells the commit steps whether this is PostgreSQL ({@link DatabaseDialect}),
 * for the few set-based statements whose fast form differs between H2 and PostgreSQL (H2 evaluates a
 * correlated subquery once per row).
 */
@Component
public class StagingTables {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public StagingTables(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect.isPostgres();
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Removes a finished run's rows from a staging table. Called only after the run is marked
     * committed, so that the commit transaction does not carry them too. When the table holds no
     * other run's rows (the usual case: runs of a kind follow each other), it is truncated, which
     * costs nothing per row; TRUNCATE ends the open transaction on H2, which is harmless here since
     * clearing is idempotent and comes first in its step.
     *
     * @param scopeColumn the first column of the table's primary key (period or run_id)
     */
    public void clear(String table, String scopeColumn, Object scope) {
        Boolean others = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + scopeColumn + " < ?) OR EXISTS (SELECT 1 FROM "
                        + table + " WHERE " + scopeColumn + " > ?)",
                Boolean.class,
                scope,
                scope);
        if (Boolean.TRUE.equals(others)) {
            jdbc.update("DELETE FROM " + table + " WHERE " + scopeColumn + " = ?", scope);
        } else {
            jdbc.execute("TRUNCATE TABLE " + table);
        }
    }
}
