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
 * A ledger written by the version before contract.state (migrations up to V11: a contract was settled
 * when it had a settled_period) means the same after the engine starts on it: a contract with a
 * settled period is SETTLED, every other one OPEN, the settled periods stay, and the database refuses
 * a state it does not know or a state that disagrees with the settled period.
 */
class ContractStateMigrationTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOldLedgerKeepsWhichContractsAreSettled(TestDatabase database, @TempDir Path dir)
            throws SQLException, IOException {
        Programme programme = Programme.onEmptyDatabase(dir.resolve("home"), database);
        OldLedger old = OldLedger.migratedTo(programme, database, "11");
        String url = programme.jdbcUrl();
        try (Connection connection = old.connect();
                Statement statement = connection.createStatement()) {
            // C-1 nothing collected, C-2 part of it, C-3 all of it, settled in 2026-03
            statement.execute("INSERT INTO contract (contract_id, matricule, full_name, price_xof, down_payment_xof,"
                    + " term_months, first_period, base_installment_xof, settled_period, import_run_id)"
                    + " VALUES ('C-1', 'M-1', 'Ama Mensah', 120000, 20000, 10, '2026-02', 10000, NULL, 1),"
                    + " ('C-2', 'M-2', 'Kodjo Agbeko', 60000, 0, 12, '2026-01', 5000, NULL, 1),"
                    + " ('C-3', 'M-2', 'Kodjo Agbeko', 45000, 9000, 4, '2025-12', 9000, '2026-03', 1)");
            statement.execute("INSERT INTO contract_balance (contract_id, financed_xof, collected_xof)"
                    + " VALUES ('C-1', 100000, 0), ('C-2', 60000, 25000), ('C-3', 36000, 36000)");
        }

        Programme.Result status = programme.run("status");

        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(programme.query("SELECT contract_id, state, COALESCE(settled_period, '-') FROM contract"
                        + " ORDER BY contract_id"))
                .containsExactly(
                        List.of("C-1", "OPEN", "-"), List.of("C-2", "OPEN", "-"), List.of("C-3", "SETTLED", "2026-03"));
        try (Connection connection = DriverManager.getConnection(url, programme.jdbcUser(), programme.jdbcPassword());
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() ->
                            statement.execute("UPDATE contract SET state = 'PAUSED'" + " WHERE contract_id = 'C-1'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("contract_state_known"));
            assertThatThrownBy(() ->
                            statement.execute("UPDATE contract SET state = 'SETTLED'" + " WHERE contract_id = 'C-2'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("contract_settled_in_its_period"));
            assertThatThrownBy(() -> statement.execute(
                            "UPDATE contract SET settled_period = NULL" + " WHERE contract_id = 'C-3'"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("contract_settled_in_its_period"));
            // SPEC 7's other two states are admitted since V13 (the runs of section 7 reach them)
            for (String spec7State : List.of("WRITTEN_OFF", "CANCELLED")) {
                assertThat(statement.executeUpdate(
                                "UPDATE contract SET state = '" + spec7State + "' WHERE contract_id = 'C-1'"))
                        .isEqualTo(1);
            }
            statement.executeUpdate("UPDATE contract SET state = 'OPEN' WHERE contract_id = 'C-1'");
        }
        assertThat(programme.query("SELECT contract_id, state, COALESCE(settled_period, '-') FROM contract"
                        + " ORDER BY contract_id"))
                .containsExactly(
                        List.of("C-1", "OPEN", "-"), List.of("C-2", "OPEN", "-"), List.of("C-3", "SETTLED", "2026-03"));
    }
}
