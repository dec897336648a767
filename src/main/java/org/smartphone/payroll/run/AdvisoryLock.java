package org.smartphone.payroll.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock held on a connection of its own for as long as its holder runs:
 * PostgreSQL releases it when that connection ends, including when the process is killed, so a lock
 * is never left behind. The run lock ({@link RunLock}) and serve's lock ({@code schedule/ServeLock})
 * are two of them, under two keys. On the embedded H2 database the file lock admits one process by
 * itself, and the lock is then the connection alone (or nothing).
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    /** What to throw when another session holds the lock; it may ask that session's name on the connection. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException naming(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final Long key;

    private AdvisoryLock(Connection connection, Long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock {@code key} on {@code connection}, which the lock then owns; when another session
     * holds it, closes the connection and throws what {@code refusal} returns. The connection is closed
     * on any failure.
     */
    public static AdvisoryLock take(Connection connection, long key, Refusal refusal) throws SQLException {
        try {
            boolean taken;
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    taken = rs.getBoolean(1);
                }
            }
            if (!taken) {
                throw refusal.naming(connection);
            }
            return new AdvisoryLock(connection, key);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** No advisory lock (H2): the connection, if any, is held and closed like one. */
    public static AdvisoryLock without(Connection connection) {
        return new AdvisoryLock(connection, null);
    }

    /** The connection the lock is held on, for its holder to write who it is; null when there is none. */
    public Connection connection() {
        return connection;
    }

    /**
     * Releases the lock and closes its connection (a connection from a pool goes back to it, so the lock
     * is released first). A connection lost meanwhile took the lock with it: nothing left to release then.
     */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (connection) {
            if (key != null) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    statement.setLong(1, key);
                    statement.execute();
                }
            }
        } catch (SQLException lost) {
            LOG.debug("advisory lock released with its lost connection", lost);
        }
    }
}
