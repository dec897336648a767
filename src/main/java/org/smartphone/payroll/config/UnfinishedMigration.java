package org.smartphone.payroll.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartphone.payroll.failure.FaultInjection;

/**
 * Makes a schema migration that was interrupted part-way on H2 apply again. H2 commits every CREATE
 * and DROP on its own, so a process killed in the middle of a migration leaves some of its tables
 * behind while Flyway's history still lists the migration as pending; applying it again would stop at
 * its first CREATE TABLE of a table that exists. Before Flyway applies a migration on H2, this undoes
 * what an earlier, interrupted attempt of the same migration may have left: the tables, sequences and
 * indexes it creates are dropped if they exist, and a table it drops that is already gone is created
 * again, empty, for its DROP to run. Nothing is lost: no command runs before every migration is
 * applied, so the objects of a pending migration hold nothing of the ledger.
 *
 * <p>A migration that stopped on an error instead is recorded as failed; {@link #migrate} forgets that
 * record first, so that it is undone and applied again the same way.
 *
 * <p>On PostgreSQL each migration runs in one transaction, so an interrupted one leaves nothing and
 * this does nothing. A migration this cannot undo (ALTER TABLE, UPDATE) must be written to run twice
 * safely, with IF [NOT] EXISTS, and one that fills a new table from another must leave the source
 * whole (a later migration drops it): the new table is dropped and filled again. {@code
 * UnfinishedMigrationTests} interrupts every migration after each of its statements and fails when one
 * cannot be applied again. The crash tests halt the process after the n-th migration
 * statement through the fault injection point {@code migration-statement}.
 */
final class UnfinishedMigration implements Callback {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedMigration.class);
    private static final Pattern CREATED = Pattern.compile(
            "\\bCREATE\\s+(TABLE|SEQUENCE|(?:UNIQUE\\s+)?INDEX)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DROPPED =
            Pattern.compile("\\bDROP\\s+TABLE\\s+(?!IF\\s)(\\w+)", Pattern.CASE_INSENSITIVE);

    /**
     * Migrates, after forgetting, on H2, the attempts Flyway recorded as failed: a migration that stopped
     * on an error (a full disk) part-way is recorded with success = false, and Flyway then refuses every
     * later start until its history is repaired by hand. Forgetting that row makes it pending again, as
     * after a kill, and {@link #handle} undoes what it left before it is applied again. Only those rows
     * are removed ({@code flyway repair} would also accept migrations whose text has changed since).
     */
    static void migrate(Flyway flyway) {
        Configuration configuration = flyway.getConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            if (isH2(connection) && exists(connection, "TABLE", configuration.getTable())) {
                int forgotten = statement.executeUpdate(
                        "DELETE FROM \"" + configuration.getTable() + "\" WHERE \"success\" = FALSE");
                if (forgotten > 0) {
                    log.warn("Forgot {} migration(s) recorded as failed, to apply them again", forgotten);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema history", e);
        }
        flyway.migrate();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_STATEMENT;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.AFTER_EACH_MIGRATE_STATEMENT) {
            FaultInjection.reached("migration-statement");
            return;
        }
        MigrationInfo migration = context.getMigrationInfo();
        try {
            if (migration != null && migration.getScript().endsWith(".sql") && isH2(context.getConnection())) {
                undoLeftovers(context.getConnection(), migration, script(context, migration.getScript()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare migration " + migration.getScript(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "unfinished migration";
    }

    /** A table, index or sequence: its kind (TABLE, INDEX, SEQUENCE) and its name, upper case as H2 keeps them. */
    record SchemaObject(String kind, String name) {}

    /** The objects the script creates and the tables it drops, each in script order (comments left out). */
    record ScriptObjects(List<SchemaObject> created, List<String> droppedTables) {

        static ScriptObjects of(String script) {
            String sql = script.replaceAll("--[^\\n]*", "");
            Set<SchemaObject> created = new LinkedHashSet<>();
            Matcher create = CREATED.matcher(sql);
            while (create.find()) {
                String kind = create.group(1).toUpperCase(Locale.ROOT);
                created.add(new SchemaObject(
                        kind.endsWith("INDEX") ? "INDEX" : kind, create.group(2).toUpperCase(Locale.ROOT)));
            }
            Set<String> dropped = new LinkedHashSet<>();
            Matcher drop = DROPPED.matcher(sql);
            while (drop.find()) {
                String table = drop.group(1).toUpperCase(Locale.ROOT);
                if (!created.contains(new SchemaObject("TABLE", table))) {
                    dropped.add(table);
                }
            }
            return new ScriptObjects(List.copyOf(created), List.copyOf(dropped));
        }
    }

    static void undoLeftovers(Connection connection, MigrationInfo migration, String script) throws SQLException {
        ScriptObjects objects = ScriptObjects.of(script);
        List<String> undo = new ArrayList<>();
        for (SchemaObject object : objects.created()) {
            if (exists(connection, object.kind(), object.name())) {
                undo.add("DROP " + object.kind() + " IF EXISTS " + object.name()
                        + (object.kind().equals("TABLE") ? " CASCADE" : ""));
            }
        }
        for (String table : objects.droppedTables()) {
            if (!exists(connection, "TABLE", table)) {
                undo.add("CREATE TABLE " + table + " (left_by_an_interrupted_migration INT)");
            }
        }
        if (undo.isEmpty()) {
            return;
        }
        log.warn(
                "Migration {} ({}) was interrupted before it completed; undoing what it left before applying it"
                        + " again: {}",
                migration.getVersion(),
                migration.getDescription(),
                undo);
        try (Statement statement = connection.createStatement()) {
            for (String sql : undo) {
                statement.execute(sql);
            }
        }
    }

    private static boolean exists(Connection connection, String kind, String name) throws SQLException {
        String sql = switch (kind) {
            case "TABLE" -> "SELECT 1 FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
            case "SEQUENCE" ->
                "SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME = ?";
            default -> "SELECT 1 FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = ? AND INDEX_NAME = ?";
        };
        try (var query = connection.prepareStatement(sql)) {
            query.setString(1, connection.getSchema());
            query.setString(2, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static boolean isH2(Connection connection) throws SQLException {
        return DatabaseDialect.of(connection).isH2();
    }

    /** The migration's text, found in the configured classpath locations. */
    private static String script(Context context, String name) {
        for (Location location : context.getConfiguration().getLocations()) {
            if (!location.isClassPath()) {
                continue;
            }
            String path = location.getPath() + "/" + name;
            try (InputStream in = UnfinishedMigration.class.getClassLoader().getResourceAsStream(path)) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + path, e);
            }
        }
        throw new IllegalStateException("migration " + name + " not found in "
                + List.of(context.getConfiguration().getLocations()));
    }
}
