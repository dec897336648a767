package org.smartphone.payroll.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every database test runs on: the embedded H2 default, and a real PostgreSQL
 * (embedded binaries from Maven, started once per test JVM, one fresh database per programme).
 */
public enum TestDatabase {
    H2, POSTGRES;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    /** The environment that points the engine at a fresh database of this kind. */
    public Map<String, String> environment(Path home) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PAYROLL_HOME", home.toString());
        if (this == POSTGRES) {
            String name = "payroll_test_" + DATABASES.incrementAndGet();
            try (Connection connection = server().getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database " + name, e);
            }
            environment.put("PAYROLL_DB_URL", server().getJdbcUrl("postgres", name));
            environment.put("PAYROLL_DB_USER", "postgres");
            environment.put("PAYROLL_DB_PASSWORD", "postgres");
        }
        return environment;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the temporary cluster goes with it
                }
            }));
        }
        return postgres;
    }
}
