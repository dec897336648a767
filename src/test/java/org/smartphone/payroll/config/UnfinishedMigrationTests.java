package org.smartphone.payroll.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartphone.payroll.support.Programme;
import org.smartphone.payroll.support.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * H2 commits each CREATE and DROP on its own: a process killed during a migration leaves the statements
 * before the kill applied and the migration still pending in Flyway's history. For every migration and
 * every number of its statements applied before such a kill, the next start must complete the schema,
 * the same as one never interrupted: same tables, columns, indexes, sequences, the engine lock's row,
 * and every migration recorded as applied. The statements are split here from the scripts' text and run
 * one by one with auto-commit, as H2 applies them, independently of the callback's own reading. The
 * same after a migration that stopped on an error, which Flyway records as failed.
 */
class UnfinishedMigrationTests {

    private static final Map<String, String> PLACEHOLDERS = Map.of("ident", "VARCHAR(32)", "ref", "VARCHAR(64)");

    static List<Script> scripts;
    static List<String> uninterrupted;

    record Script(MigrationVersion version, String name, List<String> statements) {

        static Script read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Map.Entry<String, String> placeholder : PLACEHOLDERS.entrySet()) {
                    text = text.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
                }
                List<String> statements = new ArrayList<>();
                for (String statement : text.replaceAll("--[^\\n]*", "").split(";\\s*(\\n|$)")) {
                    if (!statement.isBlank()) {
                        statements.add(statement.strip());
                    }
                }
                String name = file.getFileName().toString();
                String version = name.substring(1, name.indexOf("__"));
                return new Script(MigrationVersion.fromVersion(version), name, statements);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeAll
    static void migrationsAndTheirUninterruptedSchema(@TempDir Path dir) throws IOException, URISyntaxException {
        List<Script> found = new ArrayList<>();
        for (String location : List.of("db/migration/common", "db/migration/h2")) {
            Path folder = Path.of(UnfinishedMigrationTests.class
                    .getClassLoader()
                    .getResource(location)
                    .toURI());
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.toString().endsWith(".sql"))
                        .map(Script::read)
                        .forEach(found::add);
            }
        }
        found.sort(Comparator.comparing(Script::version));
        scripts = List.copyOf(found);
        String url = url(dir.resolve("uninterrupted"));
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations(locations())
                .placeholders(PLACEHOLDERS)
                .load()
                .migrate();
        uninterrupted = schema(url);
    }

    static Stream<Arguments> interruptions() {
        return scripts.stream()
                .flatMap(script -> IntStream.rangeClosed(1, script.statements().size())
                        .mapToObj(applied -> Arguments.of(script.name(), applied)));
    }

    @ParameterizedTest(name = "{0} interrupted after {1} statement(s)")
    @MethodSource("interruptions")
    void aMigrationInterruptedAfterAnyStatementIsCompletedByTheNextStart(String name, int applied, @TempDir Path dir) {
        Script script =
                scripts.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        String url = url(dir);
        MigrationVersion previous = scripts.stream()
                .map(Script::version)
                .filter(version -> version.compareTo(script.version()) < 0)
                .max(Comparator.naturalOrder())
                .orElse(null);
        // Flyway first creates its history table (empty before the first migration is applied)
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations(previous == null ? new String[] {"classpath:none"} : locations())
                .placeholders(PLACEHOLDERS)
                .target(previous)
                .load()
                .migrate();
        withJdbc(url, jdbc -> script.statements().subList(0, applied).forEach(jdbc::execute));

        migrateAsTheEngineStarts(url);

        assertThat(schema(url)).isEqualTo(uninterrupted);
    }

    static Stream<Integer> statements() {
        return IntStream.rangeClosed(
                        1, scripts.stream().mapToInt(s -> s.statements().size()).sum())
                .boxed();
    }

    @ParameterizedTest(name = "failed after statement {0} of all migrations")
    @MethodSource("statements")
    void aMigrationThatFailedOnAnErrorIsCompletedByTheNextStart(int failedAfter, @TempDir Path dir) {
        String url = url(dir);
        assertThatThrownBy(() -> Flyway.configure()
                        .dataSource(url, "sa", "")
                        .locations(locations())
                        .placeholders(PLACEHOLDERS)
                        .callbacks(new FailingAfter(failedAfter))
                        .load()
                        .migrate())
                .hasStackTraceContaining("disk full");
        assertThat(history(url)).as("Flyway recorded the attempt as failed").anyMatch(row -> row.endsWith(" FALSE"));

        migrateAsTheEngineStarts(url);

        assertThat(schema(url)).isEqualTo(uninterrupted);
    }

    @Test
    void theEngineStartsOnADatabaseWhoseFirstStartFailedInTheMiddleOfTheLedger(@TempDir Path dir) {
        Programme programme = new Programme(dir.resolve("home"), TestDatabase.H2);
        String url = url(programme.home().resolve("db"));
        assertThatThrownBy(() -> Flyway.configure()
                        .dataSource(url, "sa", "")
                        .locations(locations())
                        .placeholders(PLACEHOLDERS)
                        .callbacks(new FailingAfter(15))
                        .load()
                        .migrate())
                .hasStackTraceContaining("disk full");

        Programme.Result status = programme.run("status");

        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(schema(url, programme.jdbcPassword())).isEqualTo(uninterrupted);
    }

    /** An error (here a full disk) right after the n-th statement Flyway executes. */
    static final class FailingAfter implements Callback {

        private final int statement;
        private int executed;

        FailingAfter(int statement) {
            this.statement = statement;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE_STATEMENT;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (++executed == statement) {
                throw new IllegalStateException("disk full");
            }
        }

        @Override
        public String getCallbackName() {
            return "failing after statement " + statement;
        }
    }

    @Test
    void withoutTheCallbackAnInterruptedMigrationStopsTheNextStart(@TempDir Path dir) {
        // The defect this class guards against: the second start fails and nothing can be run.
        Script ledger = scripts.stream()
                .filter(s -> s.name().startsWith("V2__"))
                .findFirst()
                .orElseThrow();
        String url = url(dir);
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations(locations())
                .placeholders(PLACEHOLDERS)
                .target(MigrationVersion.fromVersion("1"))
                .load()
                .migrate();
        withJdbc(url, jdbc -> jdbc.execute(ledger.statements().get(0)));

        assertThatThrownBy(() -> Flyway.configure()
                        .dataSource(url, "sa", "")
                        .locations(locations())
                        .placeholders(PLACEHOLDERS)
                        .load()
                        .migrate())
                .hasMessageContaining("already exists");
    }

    @Test
    void readsWhatAScriptCreatesAndDropsButNotItsComments() {
        var objects = UnfinishedMigration.ScriptObjects.of("""
                -- CREATE TABLE not_this (x INT);
                CREATE TABLE run (id INT);
                create unique index run_id ON run (id);
                CREATE SEQUENCE IF NOT EXISTS run_seq;
                DROP TABLE old_run;
                DROP TABLE IF EXISTS older_run;
                DROP TABLE run;
                """);

        assertThat(objects.created())
                .extracting(object -> object.kind() + " " + object.name())
                .containsExactly("TABLE RUN", "INDEX RUN_ID", "SEQUENCE RUN_SEQ");
        assertThat(objects.droppedTables()).containsExactly("OLD_RUN");
    }

    /** As EngineConfiguration wires Flyway: the callback, and failed attempts forgotten before migrating. */
    private static void migrateAsTheEngineStarts(String url) {
        UnfinishedMigration.migrate(Flyway.configure()
                .dataSource(url, "sa", "")
                .locations(locations())
                .placeholders(PLACEHOLDERS)
                .callbacks(new UnfinishedMigration())
                .load());
    }

    private static String[] locations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/h2"};
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("payroll");
    }

    /** Tables and columns, indexes (generated names left out), sequences, the lock row, the history. */
    private static List<String> schema(String url) {
        return schema(url, "");
    }

    /** The schema of a database that has a password: one the engine has started on. */
    private static List<String> schema(String url, String password) {
        List<String> schema = new ArrayList<>();
        withJdbc(url, password, jdbc -> {
            schema.addAll(jdbc.queryForList(
                    "SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || DATA_TYPE || ' '"
                            + " || IS_NULLABLE || ' ' || COALESCE(COLUMN_DEFAULT, '') FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'"
                            + " ORDER BY TABLE_NAME, ORDINAL_POSITION",
                    String.class));
            schema.addAll(jdbc.queryForList(
                    "SELECT 'index ' || c.TABLE_NAME || ' '"
                            + " || CASE WHEN i.INDEX_TYPE_NAME = 'PRIMARY KEY' THEN '(primary key)' ELSE i.INDEX_NAME END"
                            + " || ' ' || i.INDEX_TYPE_NAME || ' ' || c.COLUMN_NAME || ' ' || c.ORDINAL_POSITION"
                            + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS c JOIN INFORMATION_SCHEMA.INDEXES i"
                            + " ON i.INDEX_SCHEMA = c.INDEX_SCHEMA AND i.INDEX_NAME = c.INDEX_NAME"
                            + " WHERE c.TABLE_SCHEMA = 'PUBLIC' AND c.TABLE_NAME <> 'flyway_schema_history'"
                            + " ORDER BY 1",
                    String.class));
            schema.addAll(jdbc.queryForList(
                    "SELECT 'sequence ' || SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
                            + " WHERE SEQUENCE_SCHEMA = 'PUBLIC' ORDER BY 1",
                    String.class));
            schema.addAll(jdbc.queryForList("SELECT 'lock ' || id || ' ' || holder FROM engine_lock", String.class));
        });
        schema.addAll(history(url, password));
        return schema;
    }

    private static List<String> history(String url) {
        return history(url, "");
    }

    private static List<String> history(String url, String password) {
        List<String> history = new ArrayList<>();
        withJdbc(
                url,
                password,
                jdbc -> history.addAll(jdbc.queryForList(
                        "SELECT 'applied ' || COALESCE(\"version\", 'none') || ' '"
                                + " || \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"",
                        String.class)));
        return history;
    }

    private static void withJdbc(String url, Consumer<JdbcTemplate> work) {
        withJdbc(url, "", work);
    }

    /** A database made here, not by the engine, has H2's sa with no password. */
    private static void withJdbc(String url, String password, Consumer<JdbcTemplate> work) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", password, true);
        try {
            work.accept(new JdbcTemplate(dataSource));
        } finally {
            dataSource.destroy();
        }
    }
}
