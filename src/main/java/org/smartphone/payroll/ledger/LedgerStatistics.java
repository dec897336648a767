package org.smartphone.payroll.ledger;

import org.smartphone.payroll.config.DatabaseDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells PostgreSQL's planner what a run has just written, in the run's own transaction, before the
 * statements that read it in bulk. Until autovacuum gets to a table (a minute or more later, and
 * the runs of a month can follow each other sooner), the planner takes a period it has never seen
 * for a few thousand rows and joins its millions by one index lookup each, several times slower
 * than with the statistics (docs/design.md, Statistics after each run, and rows read in key order).
 * ANALYZE reads a sample of each table and counts the rows this transaction inserted; run by a role
 * that does not own a table, it skips it with a warning. H2 counts its rows exactly and analyses a
 * table by itself after enough changes (its ANALYZE_AUTO), so nothing is done there.
 */
@Component
public class LedgerStatistics {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public LedgerStatistics(JdbcTemplate jdbc, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.postgres = dialect.isPostgres();
    }

    /** Refreshes the planner's statistics of these tables (PostgreSQL; nothing on H2). */
    public void refresh(String... tables) {
        if (postgres) {
            jdbc.execute("ANALYZE " + String.join(", ", tables));
        }
    }
}
