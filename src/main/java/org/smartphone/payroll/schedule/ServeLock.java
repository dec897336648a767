package org.smartphone.payroll.schedule;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.smartphone.payroll.config.DatabaseDialect;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.run.AdvisoryLock;

/**
 * One {@code serve} per database. The embedded H2 file admits one process by itself, so there is
 * nothing more to hold. On PostgreSQL a session advisory lock, distinct from the run lock (serve takes
 * that one per run, so that commands from other machines can run between), is held for serve's whole
 * life on a connection of its own, outside the pool; PostgreSQL releases it when that connection
 * ends, also when the process is killed. The connection's application name says who holds it.
 */
final class ServeLock {

    /** Arbitrary key of the advisory lock ("PAYS" in ASCII); the run lock's is "PAYR". */
    private static final long LOCK_KEY = 0x50415953L;

    private final String url;
    private final String user;
    private final String password;

    ServeLock(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Takes the lock, or refuses (exit 3) naming the serve that holds it. */
    AdvisoryLock acquire() throws SQLException {
        if (DatabaseDialect.ofUrl(url).isH2()) {
            return AdvisoryLock.without(null);
        }
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET application_name = '" + name().replace("'", "") + "'");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return AdvisoryLock.take(
                connection,
                LOCK_KEY,
                held -> new RefusedException("Another serve is already running on this database: " + holder(held)
                        + ". One serve per database: stop that one first."));
    }

    /** At most 63 characters: PostgreSQL cuts application names there. */
    private static String name() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "?";
        }
        String name = "payroll serve " + ProcessHandle.current().pid() + "@" + host;
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.application_name, a.client_addr,"
                + " a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            statement.setLong(1, LOCK_KEY >>> 32);
            statement.setLong(2, LOCK_KEY & 0xFFFFFFFFL);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return "another process (it has just ended? try again)";
                }
                return "'" + rs.getString(1) + "' (connected"
                        + (rs.getString(2) == null ? "" : " from " + rs.getString(2)) + " since "
                        + rs.getTimestamp(3).toLocalDateTime().withNano(0) + ")";
            }
        }
    }
}
