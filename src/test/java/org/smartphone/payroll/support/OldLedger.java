package org.smartphone.payroll.support;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A programme's home and database as an older version left them: the migrations applied up to a given
 * version only, for the tests of what a later migration does to an existing ledger. The programme must
 * start on an empty database ({@link Programme#onEmptyDatabase}).
 */
public final class OldLedger {

    private final Programme programme;
    private final boolean postgres;

    private OldLedger(Programme programme, TestDatabase database) {
        this.programme = programme;
        this.postgres = database == TestDatabase.POSTGRES;
    }

    /** Makes the home (status reads only an existing one) and applies the migrations up to {@code version}. */
    public static OldLedger migratedTo(Programme programme, TestDatabase database, String version) throws IOException {
        Files.createDirectories(programme.home());
        OldLedger ledger = new OldLedger(programme, database);
        Flyway.configure()
                .dataSource(programme.jdbcUrl(), ledger.user(), ledger.password())
                .locations(
                        "classpath:db/migration/common",
                        ledger.postgres ? "classpath:db/migration/postgresql" : "classpath:db/migration/h2")
                .placeholders(Map.of(
                        "ident",
                        ledger.postgres ? "VARCHAR(32) COLLATE \"C\"" : "VARCHAR(32)",
                        "ref",
                        ledger.postgres ? "VARCHAR(64) COLLATE \"C\"" : "VARCHAR(64)"))
                .target(version)
                .load()
                .migrate();
        return ledger;
    }

    /** A connection as the old version made it: its embedded database kept H2's sa with no password. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(programme.jdbcUrl(), user(), password());
    }

    private String user() {
        return postgres ? programme.jdbcUser() : "sa";
    }

    private String password() {
        return postgres ? programme.jdbcPassword() : "";
    }
}
