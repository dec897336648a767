package org.smartphone.payroll.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The databases every database test runs on: the embedded H2 default, and a real PostgreSQL
 * (embedded binaries from Maven, started once per test JVM, one fresh database per programme).
 *
 * <p>A fresh PostgreSQL database is a copy of one the engine migrated once per test JVM ({@code CREATE
 * DATABASE ... TEMPLATE}), as the database after a programme's first start: the migrations are not run
 * again for every programme. A test of the migrations themselves asks for an empty database.
 */
public enum TestDatabase {
    H2,
    POSTGRES;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The PostgreSQL database the engine migrated, copied for each programme. */
    private static final String MIGRATED = "payroll_migrated";

    private static EmbeddedPostgres postgres;
    private static boolean migrated;

    /**
     * The environment that points the engine at a fresh database of this kind: on PostgreSQL a copy of
     * the migrated one, as a first start leaves it; on H2 the home's own, made by the first command.
     */
    public Map<String, String> environment(Path home) {
        return environment(home, true);
    }

    /** The environment that points the engine at a fresh database of this kind with nothing in it yet. */
    public Map<String, String> emptyEnvironment(Path home) {
        return environment(home, false);
    }

    private Map<String, String> environment(Path home, boolean copyOfMigrated) {
        Map<String, String> environment = new HashMap<>();
        environment.put("PAYROLL_HOME", home.toString());
        if (this == POSTGRES) {
            String name = "payroll_test_" + DATABASES.incrementAndGet();
            createDatabase(copyOfMigrated ? name + " TEMPLATE " + migratedTemplate() : name);
            environment.putAll(postgresEnvironment(name));
        }
        return environment;
    }

    private static Map<String, String> postgresEnvironment(String name) {
        return Map.of(
                "PAYROLL_DB_URL",
                server().getJdbcUrl("postgres", name),
                "PAYROLL_DB_USER",
                "postgres",
                "PAYROLL_DB_PASSWORD",
                "postgres");
    }

    private static void createDatabase(String nameAndTemplate) {
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + nameAndTemplate);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + nameAndTemplate, e);
        }
    }

    /**
     * The database every PostgreSQL programme starts from: migrated by the engine itself ({@code status}
     * on an empty database, in a home made for it), whose connections are all closed when it returns.
     */
    private static synchronized String migratedTemplate() {
        if (!migrated) {
            createDatabase(MIGRATED);
            try {
                Path home = Files.createTempDirectory("payroll-migrated-");
                Map<String, String> environment = new HashMap<>(postgresEnvironment(MIGRATED));
                environment.put("PAYROLL_HOME", home.toString());
                Programme.Result status = new Programme(home, environment).run("status");
                if (status.exitCode() != 0) {
                    throw new IllegalStateException("the engine did not migrate the template database: " + status);
                }
                try (Stream<Path> files = Files.walk(home)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            migrated = true;
        }
        return MIGRATED;
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
