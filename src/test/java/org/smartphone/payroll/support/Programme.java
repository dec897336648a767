package org.smartphone.payroll.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartphone.payroll.PayrollMain;
import org.smartphone.payroll.config.DatabaseCredential;
import org.smartphone.payroll.config.Home;

/**
 * One programme under test: a home folder on disk and a database, driven through the real command
 * line ({@link PayrollMain#run}) exactly as {@code scripts/payroll} does, minus the new JVM.
 */
public final class Programme {

    private final Path home;
    private final TestDatabase database;
    private final Map<String, String> environment;

    /** A programme on a fresh database of this kind, as the engine's first start leaves it. */
    public Programme(Path home, TestDatabase database) {
        this(home, database, database.environment(home));
    }

    private Programme(Path home, TestDatabase database, Map<String, String> environment) {
        this.home = home;
        this.database = database;
        this.environment = environment;
    }

    /** A programme on a database with nothing in it yet, for the tests of the migrations themselves. */
    public static Programme onEmptyDatabase(Path home, TestDatabase database) {
        return new Programme(home, database, database.emptyEnvironment(home));
    }

    /** The engine on the database {@code environment} names, to migrate a template database. */
    Programme(Path home, Map<String, String> environment) {
        this(home, TestDatabase.POSTGRES, new HashMap<>(environment));
    }

    public Path home() {
        return home;
    }

    /** The environment commands of this programme run with. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public TestDatabase database() {
        return database;
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    public Path outbox(String period) {
        return home.resolve("outbox").resolve(period);
    }

    public Path rejected() {
        return home.resolve("rejected");
    }

    public Path archive() {
        return home.resolve("archive");
    }

    /** Sets an environment variable for later commands (a setting such as PAYROLL_CAP_RATIO). */
    public Programme with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Runs one command line and captures what it printed. */
    public synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = PayrollMain.run(environment, args);
            return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Copies a file into the inbox under the given name. */
    public Path drop(Path file, String name) {
        try {
            Files.createDirectories(inbox());
            return Files.copy(file, inbox().resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of the programme's database: PAYROLL_DB_URL, else the home's embedded H2 file. */
    public String jdbcUrl() {
        return environment.getOrDefault(
                "PAYROLL_DB_URL", "jdbc:h2:file:" + home.resolve("db").resolve("payroll"));
    }

    public String jdbcUser() {
        return environment.containsKey("PAYROLL_DB_URL") ? environment.get("PAYROLL_DB_USER") : DatabaseCredential.USER;
    }

    /** PAYROLL_DB_PASSWORD, else the embedded database's own credential (made by the first command). */
    public String jdbcPassword() {
        if (environment.containsKey("PAYROLL_DB_URL")) {
            return environment.get("PAYROLL_DB_PASSWORD");
        }
        try {
            return DatabaseCredential.password(new Home(home));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a query on the programme's database (while no command runs) and returns rows as text. */
    public List<List<String>> query(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the database behind the engine's back (while no command runs); returns the rows changed. */
    public int update(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), jdbcUser(), jdbcPassword());
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single number from the database. */
    public long number(String sql) {
        return Long.parseLong(query(sql).get(0).get(0));
    }

    /** The exit code and output of one command. */
    public record Result(int exitCode, String stdout, String stderr) {

        /**
         * stderr without the line every command that opens the engine begins with ({@code Home ...,
         * database ...}): the command's own messages.
         */
        public String errors() {
            return stderr.startsWith("Home ") ? stderr.substring(stderr.indexOf('\n') + 1) : stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
