package org.smartphone.payroll.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The database the engine runs on: the embedded (or shared) H2, or PostgreSQL. Told here, one way,
 * for every part whose SQL or locking differs between the two: the identifier collation of the
 * migrations, the migrations H2 must restart by hand, the run and serve locks, the driver options,
 * the few set-based statements whose fast form differs, the planner's statistics, and streaming
 * large results. The bean ({@link EngineConfiguration}) asks the engine's data source once.
 */
public enum DatabaseDialect {
    H2,
    POSTGRESQL;

    private static final String POSTGRESQL_URL = "jdbc:postgresql:";

    /** The dialect of the database at the other end of a connection. */
    public static DatabaseDialect of(Connection connection) throws SQLException {
        return connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres")
                ? POSTGRESQL
                : H2;
    }

    /** The dialect of a data source's database, asked on a connection of its own. */
    public static DatabaseDialect of(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        }
    }

    /**
     * The dialect a JDBC URL names, before anything connects: PostgreSQL for {@code jdbc:postgresql:},
     * H2 for anything else, a missing URL included (the engine's own embedded database).
     */
    public static DatabaseDialect ofUrl(String url) {
        return url != null && url.startsWith(POSTGRESQL_URL) ? POSTGRESQL : H2;
    }

    public boolean isPostgres() {
        return this == POSTGRESQL;
    }

    public boolean isH2() {
        return this == H2;
    }
}
