package org.smartphone.payroll.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartphone.payroll.support.TestDatabase;

/** Which database the engine is on, told from a URL before connecting and from a connection after. */
class DatabaseDialectTests {

    @Test
    void aUrlNamesPostgresqlOnlyWithItsOwnScheme() {
        assertThat(DatabaseDialect.ofUrl("jdbc:postgresql://db.example:5432/payroll"))
                .isEqualTo(DatabaseDialect.POSTGRESQL);
        assertThat(DatabaseDialect.ofUrl("jdbc:h2:file:/srv/payroll/db/payroll"))
                .isEqualTo(DatabaseDialect.H2);
        assertThat(DatabaseDialect.ofUrl("jdbc:h2:tcp://127.0.0.1:9092/payroll"))
                .isEqualTo(DatabaseDialect.H2);
        assertThat(DatabaseDialect.ofUrl("")).isEqualTo(DatabaseDialect.H2);
        assertThat(DatabaseDialect.ofUrl(null)).isEqualTo(DatabaseDialect.H2);
    }

    @Test
    void aConnectionTellsItsDatabase(@TempDir Path dir) throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:dialect", "sa", "")) {
            assertThat(DatabaseDialect.of(h2)).isEqualTo(DatabaseDialect.H2);
        }
        Map<String, String> environment = TestDatabase.POSTGRES.environment(dir);
        try (Connection postgres = DriverManager.getConnection(
                environment.get("PAYROLL_DB_URL"),
                environment.get("PAYROLL_DB_USER"),
                environment.get("PAYROLL_DB_PASSWORD"))) {
            assertThat(DatabaseDialect.of(postgres)).isEqualTo(DatabaseDialect.POSTGRESQL);
        }
    }
}
