package org.smartphone.payroll.run;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.smartphone.payroll.config.DatabaseDialect;
import org.smartphone.payroll.failure.RefusedException;
import org.springframework.stereotype.Component;

/**
 * One command that runs jobs at a time per database, also across machines sharing one PostgreSQL:
 * the holder keeps a session advisory lock on a connection of its own for as long as it runs, and
 * PostgreSQL releases it when that connection ends, including when the process is killed. Whoever
 * holds the lock therefore knows that any execution still marked STARTED belongs to a dead process.
 * The embedded H2 database admits one process at a time by itself (its file lock), so there the
 * lock is that.
 */
@Component
public class RunLock {

    /** Arbitrary key of the advisory lock ("PAYR" in ASCII). */
    private static final long LOCK_KEY = 0x50415952L;

    private final DataSource dataSource;

    public RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock for {@code command}, or refuses (exit 3) naming who holds it. */
    public AdvisoryLock acquire(String command) throws SQLException {
        Connection connection = dataSource.getConnection();
        boolean postgres;
        try {
            postgres = DatabaseDialect.of(connection).isPostgres();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        AdvisoryLock lock =
                postgres ? AdvisoryLock.take(connection, LOCK_KEY, RunLock::refusal) : AdvisoryLock.without(connection);
        try {
            describeHolder(connection, command);
            return lock;
        } catch (SQLException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RefusedException refusal(Connection connection) throws SQLException {
        return new RefusedException("Another run is in progress: " + holder(connection) + ". Wait for it to finish.");
    }

    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT holder, since FROM engine_lock WHERE id = 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) + " since " + rs.getTimestamp(2).toLocalDateTime() : "unknown";
        }
    }

    private static void describeHolder(Connection connection, String command) throws SQLException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "this machine";
        }
        String holder = "'" + command + "' (process "
                + ManagementFactory.getRuntimeMXBean().getName().split("@")[0] + " on " + host + ")";
        try (PreparedStatement statement =
                connection.prepareStatement("UPDATE engine_lock SET holder = ?, since = ? WHERE id = 1")) {
            statement.setString(1, holder);
            statement.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
            statement.executeUpdate();
        }
    }
}
