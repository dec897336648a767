package org.smartphone.payroll.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.config.DatabaseDialect;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A run's staged rows are emptied after its commit, by TRUNCATE when they are alone in the table:
 * the rows another unfinished run staged in the same table must survive it (that run reads them
 * again when it is resumed), on H2 and on PostgreSQL.
 */
class StagingTablesTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clearingOneRunKeepsTheRowsOfAnother(TestDatabase database, @TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), database);
        assertThat(programme.run("import-contracts").exitCode()).isZero(); // creates the home and the schema
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                programme.jdbcUrl(), programme.jdbcUser(), programme.jdbcPassword(), true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            String insert = "INSERT INTO deduction_line (period, contract_id, matricule, due_xof, arrears_part_xof,"
                    + " amount_xof) VALUES (?, ?, 'MAT-1', 100, 0, 100)";
            for (String period : List.of("2026-01", "2026-02", "2026-03")) {
                for (int line = 2; line < 5; line++) {
                    jdbc.update(insert, period, "C-" + line);
                }
            }
            StagingTables staging = new StagingTables(
                    jdbc, database == TestDatabase.POSTGRES ? DatabaseDialect.POSTGRESQL : DatabaseDialect.H2);

            staging.clear("deduction_line", "period", "2026-02");
            assertThat(jdbc.queryForList("SELECT DISTINCT period FROM deduction_line ORDER BY period", String.class))
                    .containsExactly("2026-01", "2026-03");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deduction_line", Long.class))
                    .isEqualTo(6);

            staging.clear("deduction_line", "period", "2026-01");
            staging.clear("deduction_line", "period", "2026-03");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deduction_line", Long.class))
                    .isZero();

            staging.clear("deduction_line", "period", "2026-03");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deduction_line", Long.class))
                    .isZero();
        } finally {
            dataSource.destroy();
        }
    }
}
