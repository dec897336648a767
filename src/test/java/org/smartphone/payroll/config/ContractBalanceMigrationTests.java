package org.smartphone.payroll.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartphone.payroll.support.OldLedger;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;

/**
 * A ledger written by the version before contract_balance (migrations up to V7: what a contract had
 * collected was a column of the contract) keeps every franc when the engine starts on it: each contract
 * gets its balance row, with the amount financed (price - down payment) and what it had collected, the
 * contract keeps its settled period, and the range check moves with the amount.
 */
class ContractBalanceMigrationTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOldLedgerKeepsWhatEachContractCollected(TestDatabase database, @TempDir Path dir)
            throws SQLException, IOException {
        Programme programme = Programme.onEmptyDatabase(dir.resolve("home"), database);
        OldLedger old = OldLedger.migratedTo(programme, database, "7");
        String url = programme.jdbcUrl();
        try (Connection connection = old.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO contract (contract_id, matricule, full_name, price_xof, down_payment_xof,"
                    + " term_months, first_period, base_installment_xof, collected_xof, settled_period, import_run_id)"
                    + " VALUES ('C-1', 'M-1', 'Ama Mensah', 120000, 20000, 10, '2026-02', 10000, 0, NULL, 1),"
                    + " ('C-2', 'M-2', 'Kodjo Agbeko', 60000, 0, 12, '2026-01', 5000, 25000, NULL, 1),"
                    + " ('C-3', 'M-2', 'Kodjo Agbeko', 45000, 9000, 4, '2025-12', 9000, 36000, '2026-03', 1)");
        }

        Programme.Result status = programme.run("status");

        assertThat(status.exitCode()).as("%s", status).isZero();
        // financed = price - down payment: 120 000 - 20 000, 60 000 - 0, 45 000 - 9 000
        assertThat(programme.query("SELECT contract_id, financed_xof, collected_xof FROM contract_balance"
                        + " ORDER BY contract_id"))
                .containsExactly(
                        List.of("C-1", "100000", "0"),
                        List.of("C-2", "60000", "25000"),
                        List.of("C-3", "36000", "36000"));
        assertThat(programme.query(
                        "SELECT contract_id, COALESCE(settled_period, '-') FROM contract" + " ORDER BY contract_id"))
                .containsExactly(List.of("C-1", "-"), List.of("C-2", "-"), List.of("C-3", "2026-03"));
        assertThat(programme.number("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE LOWER(TABLE_NAME) = 'contract' AND LOWER(COLUMN_NAME) = 'collected_xof'"))
                .isZero();
        try (Connection connection = DriverManager.getConnection(url, programme.jdbcUser(), programme.jdbcPassword());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(
                            "UPDATE contract_balance SET collected_xof = 36001" + " WHERE contract_id = 'C-3'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("collected_in_range"));
        }
        assertThat(programme.query("SELECT collected_xof FROM contract_balance WHERE contract_id = 'C-3'"))
                .containsExactly(List.of("36000"));
    }
}
